package io.baeum.learning.board.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * A notice, question or discussion thread. The rules of who may write, edit and moderate it live here; each
 * change returns the new post. Text is kept verbatim (the client escapes it).
 *
 * @param courseId null for a global notice
 */
public record BoardPost(UUID id, @Nullable UUID courseId, BoardKind board, String authorId, String title, String body,
                        boolean privatePost, EntryStatus status, @Nullable String moderatedBy, @Nullable Instant moderatedAt,
                        @Nullable String moderationNote, int replyCount, @Nullable Instant answeredAt, Instant createdAt,
                        Instant updatedAt) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;

    public BoardPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(board, "board");
        if (courseId == null && board != BoardKind.NOTICE) {
            throw new IllegalArgumentException("only notices may be global");
        }
    }

    /**
     * A new post by {@code author}. Notices are written by the course's staff (global ones by admins); questions
     * and threads by any participant. Questions are private unless the asker says otherwise; nothing else is.
     */
    public static BoardPost write(UUID id, @Nullable UUID courseId, BoardKind board, Reader author, String title, String body,
                                  @Nullable Boolean privateQuestion, Instant now) {
        if (!author.role().participates()) {
            throw notFound(courseId);
        }
        if (board == BoardKind.NOTICE) {
            boolean allowed = courseId == null ? author.role() == CourseRole.ADMIN : author.moderates();
            if (!allowed) {
                throw DomainException.forbidden("BOARD_WRITE_FORBIDDEN", "only the course's instructors and admins write notices");
            }
        }
        boolean privatePost = board == BoardKind.QNA && (privateQuestion == null || privateQuestion);
        return new BoardPost(id, courseId, board, author.accountId(), title, body, privatePost, EntryStatus.VISIBLE, null, null,
                null, 0, null, now, now);
    }

    public boolean visibleTo(Reader reader) {
        return reader.sees(authorId, status, privatePost);
    }

    /** Only the author edits, and only a visible post. */
    public BoardPost edit(Reader by, String newTitle, String newBody, Instant now) {
        requireVisibleTo(by);
        if (!authorId.equals(by.accountId())) {
            throw DomainException.forbidden("NOT_THE_AUTHOR", "only the author edits a post");
        }
        if (status != EntryStatus.VISIBLE) {
            throw DomainException.conflict("POST_HIDDEN", "a hidden post cannot be edited");
        }
        return new BoardPost(id, courseId, board, authorId, newTitle, newBody, privatePost, status, moderatedBy, moderatedAt,
                moderationNote, replyCount, answeredAt, createdAt, now);
    }

    /** The author or a moderator deletes (softly). */
    public BoardPost delete(Reader by, Instant now) {
        requireVisibleTo(by);
        boolean own = authorId.equals(by.accountId());
        if (!own && !by.moderates()) {
            throw DomainException.forbidden("NOT_THE_AUTHOR", "only the author or a moderator deletes a post");
        }
        return moderated(EntryStatus.DELETED, own ? null : by.accountId(), own ? null : now, moderationNote, now);
    }

    /** A moderator hides ({@code hidden}) or shows again a post, with a note. */
    public BoardPost moderate(Reader by, boolean hidden, @Nullable String note, Instant now) {
        requireVisibleTo(by);
        if (!by.moderates()) {
            throw DomainException.forbidden("NOT_A_MODERATOR", "only the course's instructors and admins moderate");
        }
        return moderated(hidden ? EntryStatus.HIDDEN : EntryStatus.VISIBLE, by.accountId(), now, note, now);
    }

    /**
     * Whether {@code by} may reply: no replies to notices; a question is answered by the course's staff and
     * followed up by its asker; a thread by any participant who sees it. A reply by the staff to a question is
     * its answer.
     */
    public boolean answeredBy(Reader by) {
        requireVisibleTo(by);
        if (status != EntryStatus.VISIBLE) {
            throw DomainException.conflict("POST_HIDDEN", "a hidden post takes no replies");
        }
        return switch (board) {
            case NOTICE -> throw DomainException.rule("NOTICE_TAKES_NO_REPLIES", "notices take no replies");
            case QNA -> {
                if (!by.moderates() && !authorId.equals(by.accountId())) {
                    throw DomainException.forbidden("BOARD_WRITE_FORBIDDEN", "a question is answered by the course's instructors");
                }
                yield by.moderates();
            }
            case DISCUSSION -> false;
        };
    }

    /** The post after a reply was added ({@code answer}: the staff answered a question). */
    public BoardPost replied(boolean answer, Instant now) {
        return new BoardPost(id, courseId, board, authorId, title, body, privatePost, status, moderatedBy, moderatedAt,
                moderationNote, replyCount + 1, answer && answeredAt == null ? now : answeredAt, createdAt, updatedAt);
    }

    private void requireVisibleTo(Reader by) {
        if (!visibleTo(by)) {
            throw DomainException.notFound("POST_NOT_FOUND", "no post " + id);
        }
    }

    private BoardPost moderated(EntryStatus newStatus, @Nullable String by, @Nullable Instant at, @Nullable String note, Instant now) {
        return new BoardPost(id, courseId, board, authorId, title, body, privatePost, newStatus, by == null ? moderatedBy : by,
                at == null ? moderatedAt : at, note, replyCount, answeredAt, createdAt, now);
    }

    private static DomainException notFound(@Nullable UUID courseId) {
        return DomainException.notFound("COURSE_BOARD_NOT_FOUND", "no board for course " + courseId);
    }
}
