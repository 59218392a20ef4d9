package io.baeum.learning.board.domain;

/** The boards of a course (and the global notice board). */
public enum BoardKind {
    /** 공지사항: written by the course's instructors and admins (global ones by admins only). */
    NOTICE,
    /** 질의응답: a trainee asks, an instructor answers; private to the asker and the course's staff by default. */
    QNA,
    /** 토론: threads and replies among the course's participants. */
    DISCUSSION
}
