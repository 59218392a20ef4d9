package io.baeum.rag.index.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import io.baeum.rag.index.Embedder;
import io.baeum.rag.text.Morphemes;
import io.baeum.rag.text.Normalized;

/**
 * The offline default, and honest about it: this is a <em>lexical</em> vector, not a semantic one. No
 * Korean sentence-embedding model can be shipped or downloaded here, so the "vector" side of hybrid
 * retrieval hashes features into {@value Embedder#DIMENSIONS} dimensions (signed feature hashing):
 * Nori morphemes (weight 1) plus character bigrams and trigrams of the spacing-free text (weight 0.5
 * each), which makes it tolerant of 띄어쓰기 variants and typos that defeat the morpheme index. Term
 * frequencies are dampened (1 + ln tf) and the vector is L2-normalised, so cosine distance works.
 * It catches no paraphrase that shares no characters; a real embedding model behind
 * {@link OpenAiEmbedder} does.
 */
public final class HashedLexicalEmbedder implements Embedder {

    public static final String MODEL = "baeum-hashed-lexical-v1";

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public Mono<List<float[]>> embed(List<String> texts) {
        return Mono.fromCallable(() -> texts.stream().map(this::vector).toList());
    }

    public float[] vector(String text) {
        Map<String, Float> features = new HashMap<>();
        for (String morpheme : Morphemes.nori().of(text)) {
            features.merge("m:" + morpheme, 1f, Float::sum);
        }
        String compact = Normalized.compact(text);
        int[] cps = compact.codePoints().toArray();
        for (int n = 2; n <= 3; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                features.merge(new String(cps, i, n), 0.5f, Float::sum);
            }
        }
        float[] vector = new float[DIMENSIONS];
        features.forEach((feature, weight) -> {
            int h = mix(feature.hashCode());
            float tf = feature.startsWith("m:") ? weight : weight / 0.5f;
            float scale = feature.startsWith("m:") ? 1f : 0.5f;
            float value = (float) (1 + Math.log(tf)) * scale;
            vector[Math.floorMod(h, DIMENSIONS)] += (h >>> 31) == 0 ? value : -value;
        });
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float inverse = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= inverse;
            }
        }
        return vector;
    }

    /** murmur3's finaliser: spreads String.hashCode over all bits. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
