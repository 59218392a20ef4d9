package io.baeum.learning.board.domain;

import java.util.Objects;

/** A caller of a course's boards: who they are and what they are to that course. */
public record Reader(String accountId, CourseRole role) {

    public Reader {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(role, "role");
    }

    public boolean moderates() {
        return role.moderates();
    }

    /** Whether this reader sees an entry with this author, status and privacy. */
    public boolean sees(String authorId, EntryStatus status, boolean privateEntry) {
        if (status == EntryStatus.DELETED || !role.participates()) {
            return false;
        }
        boolean own = authorId.equals(accountId);
        if (status == EntryStatus.HIDDEN && !own && !moderates()) {
            return false;
        }
        return !privateEntry || own || moderates();
    }
}
