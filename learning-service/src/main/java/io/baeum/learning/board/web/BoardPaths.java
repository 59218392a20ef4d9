package io.baeum.learning.board.web;

import java.util.Map;

import io.baeum.common.error.DomainException;
import io.baeum.learning.board.domain.BoardKind;

/** The board segment of a course's paths: {@code notices}, {@code questions}, {@code discussions}. */
final class BoardPaths {

    private static final Map<String, BoardKind> KINDS = Map.of("notices", BoardKind.NOTICE, "questions", BoardKind.QNA,
            "discussions", BoardKind.DISCUSSION);

    private BoardPaths() {
    }

    static BoardKind kind(String segment) {
        BoardKind kind = KINDS.get(segment);
        if (kind == null) {
            throw DomainException.notFound("BOARD_NOT_FOUND", "no board " + segment, String.join(", ", KINDS.keySet()));
        }
        return kind;
    }
}
