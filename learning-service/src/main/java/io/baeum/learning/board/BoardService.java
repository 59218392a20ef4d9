package io.baeum.learning.board;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.learning.board.domain.BoardKind;
import io.baeum.learning.board.domain.BoardPost;
import io.baeum.learning.board.domain.BoardReply;
import io.baeum.learning.board.domain.CourseRole;
import io.baeum.learning.board.domain.Reader;
import io.baeum.learning.board.persistence.BoardStore;
import io.baeum.learning.board.persistence.CourseRoles;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/**
 * Posts and replies of the boards. Every use case first learns what the caller is to the post's course (admin
 * from the token; instructor or active trainee from the database), then lets the domain decide; anything the
 * caller may not see answers 404, as if it did not exist. Changes of a post and its replies run in one
 * transaction holding the post's row lock.
 */
@Service
public class BoardService {

    private final BoardStore store;
    private final CourseRoles roles;
    private final TransactionalOperator tx;
    private final Clock clock;

    BoardService(BoardStore store, CourseRoles roles, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.roles = roles;
        this.tx = tx;
        this.clock = clock;
    }

    /** The caller as a reader of a course's boards ({@code courseId} null: the global notice board, open to all). */
    public Mono<Reader> reader(@Nullable UUID courseId, VerifiedAccessToken caller) {
        if (caller.hasRole("ADMIN")) {
            return courseId == null ? Mono.just(new Reader(caller.subject(), CourseRole.ADMIN))
                    : roles.of(courseId, caller.subject()).map(r -> new Reader(caller.subject(), CourseRole.ADMIN))
                            .switchIfEmpty(Mono.error(() -> courseNotFound(courseId)));
        }
        if (courseId == null) {
            return Mono.just(new Reader(caller.subject(), CourseRole.TRAINEE));
        }
        return roles.of(courseId, caller.subject()).map(role -> new Reader(caller.subject(), role))
                .switchIfEmpty(Mono.error(() -> courseNotFound(courseId)))
                .filter(reader -> reader.role().participates())
                .switchIfEmpty(Mono.error(() -> courseNotFound(courseId)));
    }

    public Mono<Page<BoardPost>> posts(@Nullable UUID courseId, BoardKind board, VerifiedAccessToken caller, PageRequest page) {
        if (courseId == null && board != BoardKind.NOTICE) {
            return Mono.error(DomainException.invalid("GLOBAL_BOARD_IS_NOTICES", "only notices are global"));
        }
        return reader(courseId, caller).flatMap(reader -> store.posts(courseId, board, reader, page));
    }

    public Mono<BoardPost> write(@Nullable UUID courseId, BoardKind board, VerifiedAccessToken caller, String title, String body,
                                 @Nullable Boolean privateQuestion) {
        if (courseId == null && board != BoardKind.NOTICE) {
            return Mono.error(DomainException.invalid("GLOBAL_BOARD_IS_NOTICES", "only notices are global"));
        }
        return reader(courseId, caller)
                .map(reader -> BoardPost.write(UUID.randomUUID(), courseId, board, reader, title, body, privateQuestion, clock.instant()))
                .flatMap(post -> store.insert(post).thenReturn(post));
    }

    /** A post with the caller as its reader. */
    public record Seen(BoardPost post, Reader reader) {
    }

    public Mono<Seen> post(UUID postId, VerifiedAccessToken caller) {
        return store.findPost(postId).flatMap(post -> readerOf(post, caller).map(reader -> new Seen(post, reader)))
                .filter(seen -> seen.post().visibleTo(seen.reader()))
                .switchIfEmpty(Mono.error(() -> postNotFound(postId)));
    }

    public Mono<BoardPost> edit(UUID postId, VerifiedAccessToken caller, String title, String body) {
        return changePost(postId, caller, (post, reader) -> post.edit(reader, title, body, clock.instant()));
    }

    public Mono<BoardPost> delete(UUID postId, VerifiedAccessToken caller) {
        return changePost(postId, caller, (post, reader) -> post.delete(reader, clock.instant()));
    }

    public Mono<BoardPost> moderate(UUID postId, VerifiedAccessToken caller, boolean hidden, @Nullable String note) {
        return changePost(postId, caller, (post, reader) -> post.moderate(reader, hidden, note, clock.instant()));
    }

    public Mono<Page<BoardReply>> replies(UUID postId, VerifiedAccessToken caller, PageRequest page) {
        return post(postId, caller).flatMap(seen -> store.replies(postId, seen.reader(), page));
    }

    public Mono<BoardReply> reply(UUID postId, VerifiedAccessToken caller, String body) {
        return lockedPost(postId, caller).flatMap(seen -> {
            BoardReply reply = BoardReply.to(seen.post(), UUID.randomUUID(), seen.reader(), body, clock.instant());
            return store.insert(reply).then(store.update(seen.post().replied(reply.answer(), clock.instant()))).thenReturn(reply);
        }).as(tx::transactional);
    }

    public Mono<BoardReply> editReply(UUID replyId, VerifiedAccessToken caller, String body) {
        return changeReply(replyId, caller, (reply, reader) -> reply.edit(reader, body, clock.instant()));
    }

    public Mono<BoardReply> deleteReply(UUID replyId, VerifiedAccessToken caller) {
        return changeReply(replyId, caller, (reply, reader) -> reply.delete(reader, clock.instant()));
    }

    public Mono<BoardReply> moderateReply(UUID replyId, VerifiedAccessToken caller, boolean hidden, @Nullable String note) {
        return changeReply(replyId, caller, (reply, reader) -> reply.moderate(reader, hidden, note, clock.instant()));
    }

    private Mono<BoardPost> changePost(UUID postId, VerifiedAccessToken caller, BiFunction<BoardPost, Reader, BoardPost> change) {
        return lockedPost(postId, caller).map(seen -> change.apply(seen.post(), seen.reader()))
                .flatMap(changed -> store.update(changed).thenReturn(changed))
                .as(tx::transactional);
    }

    private Mono<BoardReply> changeReply(UUID replyId, VerifiedAccessToken caller, BiFunction<BoardReply, Reader, BoardReply> change) {
        return store.findReply(replyId).switchIfEmpty(Mono.error(() -> replyNotFound(replyId)))
                .flatMap(found -> lockedPost(found.postId(), caller)
                        .onErrorMap(e -> e instanceof DomainException d && "POST_NOT_FOUND".equals(d.code()), e -> replyNotFound(replyId))
                        .flatMap(seen -> store.findReply(replyId).map(reply -> change.apply(reply, seen.reader()))))
                .flatMap(changed -> store.update(changed).thenReturn(changed))
                .as(tx::transactional);
    }

    /** The post locked for a change, if the caller sees it (a moderator sees a hidden post to show it again). */
    private Mono<Seen> lockedPost(UUID postId, VerifiedAccessToken caller) {
        return store.lockPost(postId).flatMap(post -> readerOf(post, caller).map(reader -> new Seen(post, reader)))
                .filter(seen -> seen.post().visibleTo(seen.reader()))
                .switchIfEmpty(Mono.error(() -> postNotFound(postId)));
    }

    private Mono<Reader> readerOf(BoardPost post, VerifiedAccessToken caller) {
        return reader(post.courseId(), caller)
                .onErrorMap(e -> e instanceof DomainException d && "COURSE_BOARD_NOT_FOUND".equals(d.code()), e -> postNotFound(post.id()));
    }

    static DomainException courseNotFound(UUID courseId) {
        return DomainException.notFound("COURSE_BOARD_NOT_FOUND", "no board for course " + courseId);
    }

    private static DomainException postNotFound(UUID postId) {
        return DomainException.notFound("POST_NOT_FOUND", "no post " + postId);
    }

    private static DomainException replyNotFound(UUID replyId) {
        return DomainException.notFound("REPLY_NOT_FOUND", "no reply " + replyId);
    }
}
