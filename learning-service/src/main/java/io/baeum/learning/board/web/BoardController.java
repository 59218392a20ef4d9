package io.baeum.learning.board.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.board.BoardService;
import io.baeum.learning.board.domain.BoardKind;
import io.baeum.learning.board.domain.BoardPost;
import io.baeum.learning.board.domain.BoardReply;
import io.baeum.learning.board.domain.EntryStatus;
import io.baeum.learning.board.persistence.BoardStore;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/**
 * Notices (global and per course), Q&A and discussions. Texts are returned exactly as written, as JSON strings:
 * the client escapes them (nothing here renders HTML).
 */
@RestController
class BoardController {

    private final BoardService boards;

    BoardController(BoardService boards) {
        this.boards = boards;
    }

    record PostView(UUID id, @Nullable UUID courseId, BoardKind board, String authorId, String title, String body,
                    boolean privatePost, EntryStatus status, int replyCount, @Nullable Instant answeredAt,
                    @Nullable String moderationNote, Instant createdAt, Instant updatedAt) {
        static PostView of(BoardPost p) {
            return new PostView(p.id(), p.courseId(), p.board(), p.authorId(), p.title(), p.body(), p.privatePost(), p.status(),
                    p.replyCount(), p.answeredAt(), p.moderationNote(), p.createdAt(), p.updatedAt());
        }
    }

    record ReplyView(UUID id, UUID postId, String authorId, String body, boolean answer, EntryStatus status,
                     @Nullable String moderationNote, Instant createdAt, Instant updatedAt) {
        static ReplyView of(BoardReply r) {
            return new ReplyView(r.id(), r.postId(), r.authorId(), r.body(), r.answer(), r.status(), r.moderationNote(),
                    r.createdAt(), r.updatedAt());
        }
    }

    /** {@code privatePost}: Q&A only; a question is private unless {@code false}. */
    record PostRequest(@NotBlank @Size(max = BoardPost.MAX_TITLE) String title, @NotBlank @Size(max = BoardPost.MAX_BODY) String body,
                       @Nullable Boolean privatePost) {
    }

    record ReplyRequest(@NotBlank @Size(max = BoardPost.MAX_BODY) String body) {
    }

    record ModerationRequest(@NotNull Boolean hidden, @Size(max = 500) @Nullable String note) {
    }

    @GetMapping("/api/v1/boards/notices")
    Mono<ApiResponse<List<PostView>>> globalNotices(@AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort == null ? "createdAt,desc" : sort, BoardStore.POST_SORTS, "createdAt");
        return boards.posts(null, BoardKind.NOTICE, caller, request).map(p -> posts(p, request));
    }

    @PostMapping("/api/v1/boards/notices")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<PostView>> writeGlobalNotice(@AuthenticationPrincipal VerifiedAccessToken caller,
            @Valid @RequestBody PostRequest request) {
        return boards.write(null, BoardKind.NOTICE, caller, request.title(), request.body(), null).map(p -> ApiResponse.ok(PostView.of(p)));
    }

    @GetMapping("/api/v1/boards/courses/{courseId}/{board}")
    Mono<ApiResponse<List<PostView>>> posts(@PathVariable UUID courseId, @PathVariable String board,
            @AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort == null ? "createdAt,desc" : sort, BoardStore.POST_SORTS, "createdAt");
        return boards.posts(courseId, BoardPaths.kind(board), caller, request).map(p -> posts(p, request));
    }

    @PostMapping("/api/v1/boards/courses/{courseId}/{board}")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<PostView>> write(@PathVariable UUID courseId, @PathVariable String board,
            @AuthenticationPrincipal VerifiedAccessToken caller, @Valid @RequestBody PostRequest request) {
        return boards.write(courseId, BoardPaths.kind(board), caller, request.title(), request.body(), request.privatePost())
                .map(p -> ApiResponse.ok(PostView.of(p)));
    }

    @GetMapping("/api/v1/boards/posts/{postId}")
    Mono<ApiResponse<PostView>> post(@PathVariable UUID postId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return boards.post(postId, caller).map(seen -> ApiResponse.ok(PostView.of(seen.post())));
    }

    @PutMapping("/api/v1/boards/posts/{postId}")
    Mono<ApiResponse<PostView>> edit(@PathVariable UUID postId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @Valid @RequestBody PostRequest request) {
        return boards.edit(postId, caller, request.title(), request.body()).map(p -> ApiResponse.ok(PostView.of(p)));
    }

    @DeleteMapping("/api/v1/boards/posts/{postId}")
    Mono<ApiResponse<PostView>> delete(@PathVariable UUID postId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return boards.delete(postId, caller).map(p -> ApiResponse.ok(PostView.of(p)));
    }

    @PostMapping("/api/v1/boards/posts/{postId}/moderation")
    Mono<ApiResponse<PostView>> moderate(@PathVariable UUID postId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @Valid @RequestBody ModerationRequest request) {
        return boards.moderate(postId, caller, request.hidden(), request.note()).map(p -> ApiResponse.ok(PostView.of(p)));
    }

    @GetMapping("/api/v1/boards/posts/{postId}/replies")
    Mono<ApiResponse<List<ReplyView>>> replies(@PathVariable UUID postId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort, BoardStore.REPLY_SORTS, "createdAt");
        return boards.replies(postId, caller, request).map(p -> ApiResponse.ok(p.items().stream().map(ReplyView::of).toList(),
                request.metadata(p.total())));
    }

    @PostMapping("/api/v1/boards/posts/{postId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<ReplyView>> reply(@PathVariable UUID postId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @Valid @RequestBody ReplyRequest request) {
        return boards.reply(postId, caller, request.body()).map(r -> ApiResponse.ok(ReplyView.of(r)));
    }

    @PutMapping("/api/v1/boards/replies/{replyId}")
    Mono<ApiResponse<ReplyView>> editReply(@PathVariable UUID replyId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @Valid @RequestBody ReplyRequest request) {
        return boards.editReply(replyId, caller, request.body()).map(r -> ApiResponse.ok(ReplyView.of(r)));
    }

    @DeleteMapping("/api/v1/boards/replies/{replyId}")
    Mono<ApiResponse<ReplyView>> deleteReply(@PathVariable UUID replyId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return boards.deleteReply(replyId, caller).map(r -> ApiResponse.ok(ReplyView.of(r)));
    }

    @PostMapping("/api/v1/boards/replies/{replyId}/moderation")
    Mono<ApiResponse<ReplyView>> moderateReply(@PathVariable UUID replyId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @Valid @RequestBody ModerationRequest request) {
        return boards.moderateReply(replyId, caller, request.hidden(), request.note()).map(r -> ApiResponse.ok(ReplyView.of(r)));
    }

    private static ApiResponse<List<PostView>> posts(Page<BoardPost> page, PageRequest request) {
        return ApiResponse.ok(page.items().stream().map(PostView::of).toList(), request.metadata(page.total()));
    }
}
