package io.baeum.learning.board.domain;

/** The life of a post, reply or material: nothing is ever removed from the database. */
public enum EntryStatus {
    VISIBLE,
    /** Hidden by a moderator: only moderators (and its author) still see it. */
    HIDDEN,
    /** Soft-deleted by its author or a moderator: seen by nobody through the API. */
    DELETED
}
