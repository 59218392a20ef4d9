package io.baeum.rag.retrieval;

/** Which lists are ranked and fused (the benchmark compares all three). */
public enum RetrievalMode {
    LEXICAL, VECTOR, HYBRID
}
