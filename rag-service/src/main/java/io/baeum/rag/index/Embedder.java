package io.baeum.rag.index;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The embedding port: texts in, unit-length vectors of {@link #dimensions()} out, in order. Vectors are
 * stored with {@link #model()} and only compared with vectors of the same model.
 */
public interface Embedder {

    /** Vector size of the {@code chunk.embedding} column. */
    int DIMENSIONS = 512;

    String model();

    default int dimensions() {
        return DIMENSIONS;
    }

    Mono<List<float[]>> embed(List<String> texts);

    /** pgvector's text form, {@code [0.1,0.2,...]}, for {@code CAST(:v AS vector)}. */
    static String literal(float[] vector) {
        StringBuilder out = new StringBuilder(vector.length * 10).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(vector[i]);
        }
        return out.append(']').toString();
    }
}
