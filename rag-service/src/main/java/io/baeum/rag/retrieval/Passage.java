package io.baeum.rag.retrieval;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A retrieved passage with its provenance and scores.
 *
 * @param rrf         reciprocal-rank-fusion score
 * @param lexicalRank rank in the lexical list, if it was in it
 * @param vectorRank  rank in the vector list, if it was in it
 * @param cosine      cosine similarity to the question's vector (0 when not in the vector list)
 * @param coverage    share of the question's morphemes found in the passage (title and section included)
 */
public record Passage(long chunkId, UUID documentId, String title, String kind, @Nullable String courseId,
                      @Nullable String lessonId, String section, @Nullable Integer page, String content, double rrf,
                      @Nullable Integer lexicalRank, @Nullable Integer vectorRank, double cosine, double coverage) {

    /** How well the passage answers, for the "I don't know" threshold. */
    public double relevance() {
        return Math.max(coverage, cosine);
    }
}
