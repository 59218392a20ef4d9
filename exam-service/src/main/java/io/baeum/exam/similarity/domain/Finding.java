package io.baeum.exam.similarity.domain;

import java.util.Map;

/**
 * A pair of submissions that looks copied, with the evidence an instructor needs to decide.
 *
 * @param kind     which check found it
 * @param first    one submission (the smaller id)
 * @param second   the other
 * @param score    the check's measure: 1.0 for identical files, Jaccard for texts, the count of identical improbable wrong answers
 * @param evidence what matched (file hash and size, passages side by side, the items and answers)
 */
public record Finding(Kind kind, String first, String second, double score, Map<String, Object> evidence) {

    public enum Kind { IDENTICAL_FILE, SIMILAR_TEXT, COMMON_WRONG_ANSWERS }

    public Finding {
        if (first.compareTo(second) > 0) {
            String swap = first;
            first = second;
            second = swap;
        }
        evidence = Map.copyOf(evidence);
    }
}
