package io.baeum.rag.document.domain;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;
import io.baeum.rag.text.Hashes;

/**
 * A document as submitted: by an admin or instructor (upload) or from learning-service's events. The
 * rules of a valid document live here.
 *
 * @param kind        FAQ, NOTICE (support channel) or MATERIAL, LESSON, COURSE (study channel)
 * @param courseId    required exactly for the study channel
 * @param lessonId    the lesson it belongs to, if any
 * @param title       shown in citations
 * @param mediaType   text/plain, text/markdown or application/pdf (the body is already extracted text)
 * @param externalRef the producer's key (e.g. {@code learning:lesson:<id>}), so re-sent sources replace themselves
 * @param body        the text; PDF pages separated by form feeds
 */
public record DocumentDraft(DocumentKind kind, @Nullable String courseId, @Nullable String lessonId, String title,
                            String mediaType, @Nullable String externalRef, String body) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_ID = 100;

    public DocumentDraft {
        title = title.strip();
        if (title.isEmpty() || title.length() > MAX_TITLE || hasControl(title)) {
            throw DomainException.invalid("INVALID_DOCUMENT_TITLE", "the title must have 1.." + MAX_TITLE + " printable characters");
        }
        if (kind.channel() == Channel.STUDY && (courseId == null || courseId.isBlank())) {
            throw DomainException.invalid("COURSE_REQUIRED", "course materials belong to a course");
        }
        if (kind.channel() == Channel.SUPPORT && courseId != null) {
            throw DomainException.invalid("COURSE_NOT_ALLOWED", "FAQ entries and notices belong to no course");
        }
        for (String id : new String[] {courseId, lessonId}) {
            if (id != null && (id.isBlank() || id.length() > MAX_ID || hasControl(id))) {
                throw DomainException.invalid("INVALID_IDENTIFIER", "course and lesson ids have 1.." + MAX_ID + " printable characters");
            }
        }
        if (body.isBlank()) {
            throw DomainException.invalid("EMPTY_DOCUMENT", "the document has no text");
        }
        body = body.replace("\u0000", "");
    }

    public Channel channel() {
        return kind.channel();
    }

    public String contentHash() {
        return Hashes.sha256(title + "\u0001" + body);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c));
    }
}
