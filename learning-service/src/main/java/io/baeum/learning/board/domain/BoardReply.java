package io.baeum.learning.board.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/** A reply to a thread, or an answer ({@code answer}) or follow-up to a question; seen by whoever sees its post. */
public record BoardReply(UUID id, UUID postId, String authorId, String body, boolean answer, EntryStatus status,
                         @Nullable String moderatedBy, @Nullable Instant moderatedAt, @Nullable String moderationNote,
                         Instant createdAt, Instant updatedAt) {

    public BoardReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(postId, "postId");
    }

    /** {@code by} replies to {@code post}; the post's rules decide whether they may and whether it is an answer. */
    public static BoardReply to(BoardPost post, UUID id, Reader by, String body, Instant now) {
        boolean answer = post.answeredBy(by);
        return new BoardReply(id, post.id(), by.accountId(), body, answer, EntryStatus.VISIBLE, null, null, null, now, now);
    }

    public boolean visibleTo(Reader reader) {
        return reader.sees(authorId, status, false);
    }

    public BoardReply edit(Reader by, String newBody, Instant now) {
        requireVisibleTo(by);
        if (!authorId.equals(by.accountId())) {
            throw DomainException.forbidden("NOT_THE_AUTHOR", "only the author edits a reply");
        }
        if (status != EntryStatus.VISIBLE) {
            throw DomainException.conflict("REPLY_HIDDEN", "a hidden reply cannot be edited");
        }
        return new BoardReply(id, postId, authorId, newBody, answer, status, moderatedBy, moderatedAt, moderationNote, createdAt, now);
    }

    public BoardReply delete(Reader by, Instant now) {
        requireVisibleTo(by);
        boolean own = authorId.equals(by.accountId());
        if (!own && !by.moderates()) {
            throw DomainException.forbidden("NOT_THE_AUTHOR", "only the author or a moderator deletes a reply");
        }
        return new BoardReply(id, postId, authorId, body, answer, EntryStatus.DELETED, own ? moderatedBy : by.accountId(),
                own ? moderatedAt : now, moderationNote, createdAt, now);
    }

    public BoardReply moderate(Reader by, boolean hidden, @Nullable String note, Instant now) {
        requireVisibleTo(by);
        if (!by.moderates()) {
            throw DomainException.forbidden("NOT_A_MODERATOR", "only the course's instructors and admins moderate");
        }
        return new BoardReply(id, postId, authorId, body, answer, hidden ? EntryStatus.HIDDEN : EntryStatus.VISIBLE,
                by.accountId(), now, note, createdAt, now);
    }

    private void requireVisibleTo(Reader by) {
        if (!visibleTo(by)) {
            throw DomainException.notFound("REPLY_NOT_FOUND", "no reply " + id);
        }
    }
}
