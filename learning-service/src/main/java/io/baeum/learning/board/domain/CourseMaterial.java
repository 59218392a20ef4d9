package io.baeum.learning.board.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.baeum.common.error.DomainException;

/** A file of a course (강의자료), its bytes behind the storage port under {@code storageKey}. */
public record CourseMaterial(UUID id, UUID courseId, String title, String fileName, String contentType, long sizeBytes,
                             String sha256, String storageKey, String uploadedBy, EntryStatus status, Instant createdAt,
                             Instant updatedAt) {

    public CourseMaterial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
    }

    /** The course's staff upload; participants download. */
    public static void requireUploader(Reader by) {
        if (!by.role().participates()) {
            throw DomainException.notFound("COURSE_BOARD_NOT_FOUND", "no board for this course");
        }
        if (!by.moderates()) {
            throw DomainException.forbidden("BOARD_WRITE_FORBIDDEN", "only the course's instructors and admins upload materials");
        }
    }

    public boolean visibleTo(Reader reader) {
        return reader.sees(uploadedBy, status, false);
    }

    public CourseMaterial delete(Reader by, Instant now) {
        if (!visibleTo(by)) {
            throw DomainException.notFound("MATERIAL_NOT_FOUND", "no material " + id);
        }
        if (!by.moderates()) {
            throw DomainException.forbidden("NOT_A_MODERATOR", "only the course's instructors and admins delete materials");
        }
        return new CourseMaterial(id, courseId, title, fileName, contentType, sizeBytes, sha256, storageKey, uploadedBy,
                EntryStatus.DELETED, createdAt, now);
    }
}
