package io.baeum.rag.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.common.error.DomainException;
import io.baeum.rag.document.domain.Channel;
import io.baeum.rag.document.domain.DocumentDraft;
import io.baeum.rag.document.domain.DocumentKind;
import io.baeum.rag.document.persistence.DocumentStore;
import io.baeum.rag.document.persistence.DocumentStore.DocumentRow;

/**
 * Documents from administrators and instructors (text, Markdown, PDF) and from learning-service's
 * events. Instructors manage course materials only; FAQ entries and notices are the administrators'.
 */
@Service
public class DocumentService {

    /** Who manages documents. */
    public record Editor(String accountId, boolean admin) {
    }

    private final DocumentStore store;

    DocumentService(DocumentStore store) {
        this.store = store;
    }

    public Mono<DocumentRow> create(Editor editor, DocumentDraft draft) {
        return Mono.fromCallable(() -> permitted(editor, draft.channel())).then(store.insert(draft, editor.accountId()));
    }

    /** An uploaded file: its text is extracted by media type (from the file name's extension or the declared type). */
    public Mono<DocumentRow> upload(Editor editor, DocumentKind kind, @Nullable String courseId, @Nullable String lessonId,
                                    @Nullable String title, String fileName, @Nullable String contentType, byte[] bytes) {
        String mediaType = mediaType(fileName, contentType);
        return Mono.fromCallable(() -> {
                    permitted(editor, kind.channel());
                    String text = mediaType.equals("application/pdf") ? PdfText.extract(bytes) : utf8(bytes);
                    String name = title != null && !title.isBlank() ? title : fileName.replaceFirst("\\.[A-Za-z0-9]+$", "");
                    return new DocumentDraft(kind, courseId, lessonId, name, mediaType, null, text);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(draft -> store.insert(draft, editor.accountId()));
    }

    /** A document from another service, keyed by its reference (re-sent unchanged: nothing happens). */
    public Mono<DocumentRow> upsert(DocumentDraft draft, String source) {
        return store.upsert(draft, source);
    }

    public Mono<DocumentRow> find(Editor editor, UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> DomainException.notFound("DOCUMENT_NOT_FOUND", "no such document")))
                .doOnNext(d -> permitted(editor, Channel.of(d.channel()).orElseThrow()));
    }

    public Mono<Void> delete(Editor editor, UUID id) {
        return find(editor, id).flatMap(d -> store.delete(id)).then();
    }

    public Mono<DocumentRow> reindex(Editor editor, UUID id) {
        return find(editor, id).flatMap(d -> store.reindex(id)).then(store.find(id));
    }

    private static Void permitted(Editor editor, Channel channel) {
        if (!editor.admin() && channel != Channel.STUDY) {
            throw DomainException.forbidden("DOCUMENT_ADMIN_ONLY", "FAQ entries and notices are managed by administrators");
        }
        return null;
    }

    static String mediaType(String fileName, @Nullable String contentType) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf") || "application/pdf".equals(contentType)) {
            return "application/pdf";
        }
        if (name.endsWith(".md") || name.endsWith(".markdown") || "text/markdown".equals(contentType)) {
            return "text/markdown";
        }
        if (name.endsWith(".txt") || "text/plain".equals(contentType)) {
            return "text/plain";
        }
        throw DomainException.invalid("UNSUPPORTED_DOCUMENT_TYPE", "documents are .txt, .md or .pdf");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DomainException.invalid("DOCUMENT_NOT_UTF8", "text documents must be UTF-8");
        }
    }
}
