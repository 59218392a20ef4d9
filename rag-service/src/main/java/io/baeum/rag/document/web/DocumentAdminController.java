package io.baeum.rag.document.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.rag.answer.persistence.ConversationStore;
import io.baeum.rag.config.RagProperties;
import io.baeum.rag.document.DocumentService;
import io.baeum.rag.document.DocumentService.Editor;
import io.baeum.rag.document.domain.Channel;
import io.baeum.rag.document.domain.DocumentDraft;
import io.baeum.rag.document.domain.DocumentKind;
import io.baeum.rag.document.persistence.DocumentStore;
import io.baeum.rag.document.persistence.DocumentStore.DocumentRow;

/** Chatbot administration: documents with their index status, re-index, delete, progress, unanswered questions. */
@RestController
@RequestMapping("/api/v1/admin/chatbot")
class DocumentAdminController {

    /**
     * @param kind      FAQ, NOTICE, MATERIAL, LESSON or COURSE
     * @param courseId  for course materials
     * @param lessonId  the lesson, if any
     * @param title     shown in citations
     * @param mediaType text/plain or text/markdown
     * @param body      the text (at most 1 MB here; larger files and PDFs go through the upload)
     */
    record DocumentRequest(@NotNull DocumentKind kind, @Nullable String courseId, @Nullable String lessonId,
                           @NotNull String title, @Nullable String mediaType, @NotNull @Size(max = 1_000_000) String body) {
    }

    private final DocumentService documents;
    private final DocumentStore store;
    private final ConversationStore conversations;
    private final RagProperties properties;

    DocumentAdminController(DocumentService documents, DocumentStore store, ConversationStore conversations,
                            RagProperties properties) {
        this.documents = documents;
        this.store = store;
        this.conversations = conversations;
        this.properties = properties;
    }

    private static Editor editor(VerifiedAccessToken token) {
        return new Editor(token.subject(), token.hasRole("ADMIN"));
    }

    @PostMapping("/documents")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<DocumentRow>> create(@Valid @RequestBody DocumentRequest request, @AuthenticationPrincipal VerifiedAccessToken token) {
        String mediaType = request.mediaType() == null ? "text/markdown" : request.mediaType();
        if (!mediaType.equals("text/markdown") && !mediaType.equals("text/plain")) {
            throw DomainException.invalid("UNSUPPORTED_DOCUMENT_TYPE", "JSON documents are text/plain or text/markdown");
        }
        DocumentDraft draft = new DocumentDraft(request.kind(), request.courseId(), request.lessonId(), request.title(), mediaType,
                null, request.body());
        return documents.create(editor(token), draft).map(ApiResponse::ok);
    }

    @PostMapping(value = "/documents/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<DocumentRow>> upload(@RequestPart("file") FilePart file, @RequestParam DocumentKind kind,
                                          @RequestParam(required = false) @Nullable String courseId,
                                          @RequestParam(required = false) @Nullable String lessonId,
                                          @RequestParam(required = false) @Nullable String title,
                                          @AuthenticationPrincipal VerifiedAccessToken token) {
        String contentType = file.headers().getContentType() == null ? null : file.headers().getContentType().toString();
        return DataBufferUtils.join(file.content(), properties.documentMaxBytes())
                .onErrorMap(DataBufferLimitException.class, e -> DomainException.invalid("DOCUMENT_TOO_LARGE",
                        "documents are at most " + properties.documentMaxBytes() + " bytes"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .flatMap(bytes -> documents.upload(editor(token), kind, courseId, lessonId, title, file.filename(), contentType, bytes))
                .map(ApiResponse::ok);
    }

    @GetMapping("/documents")
    Mono<ApiResponse<List<DocumentRow>>> list(@RequestParam(required = false) @Nullable String channel,
                                              @RequestParam(required = false) @Nullable String courseId,
                                              @RequestParam(required = false) @Nullable String status,
                                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (channel != null && Channel.of(channel).isEmpty()) {
            throw DomainException.notFound("UNKNOWN_CHANNEL", "no chatbot channel " + channel);
        }
        if (status != null && !List.of("PENDING", "INDEXING", "INDEXED", "FAILED").contains(status)) {
            throw DomainException.invalid("INVALID_STATUS", "status is PENDING, INDEXING, INDEXED or FAILED");
        }
        checkPage(page, size);
        return store.list(channel, courseId, status, page, size)
                .map(p -> ApiResponse.ok(p.getKey(), Map.of("page", page, "size", size, "total", p.getValue())));
    }

    @GetMapping("/documents/{id}")
    Mono<ApiResponse<DocumentRow>> get(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken token) {
        return documents.find(editor(token), id).map(ApiResponse::ok);
    }

    @PostMapping("/documents/{id}/reindex")
    Mono<ApiResponse<DocumentRow>> reindex(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken token) {
        return documents.reindex(editor(token), id).map(ApiResponse::ok);
    }

    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken token) {
        return documents.delete(editor(token), id);
    }

    /** The sweeper's progress: documents by status, and chunks. */
    @GetMapping("/index")
    Mono<ApiResponse<Map<String, Long>>> progress() {
        return store.progress().map(ApiResponse::ok);
    }

    /** The channel's questions answered "I don't know" (what to add to the FAQ), newest first; questions are redacted. */
    @GetMapping("/{channel}/unanswered")
    Mono<ApiResponse<List<ConversationStore.Unanswered>>> unanswered(@PathVariable String channel,
                                                                     @RequestParam(defaultValue = "0") int page,
                                                                     @RequestParam(defaultValue = "20") int size) {
        Channel known = Channel.of(channel).orElseThrow(() -> DomainException.notFound("UNKNOWN_CHANNEL", "no chatbot channel " + channel));
        checkPage(page, size);
        return conversations.unanswered(known.key(), page, size).map(list -> ApiResponse.ok(list, Map.of("page", page, "size", size)));
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || page > 100_000 || size < 1 || size > 100) {
            throw DomainException.invalid("INVALID_PAGE", "page is 0..100000 and size 1..100");
        }
    }
}
