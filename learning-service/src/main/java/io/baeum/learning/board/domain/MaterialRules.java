package io.baeum.learning.board.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.baeum.common.error.DomainException;

/**
 * Which files a course may hold: by extension (the declared content type is the client's word and is not
 * trusted: the type we serve follows from the extension), and up to a size.
 *
 * @param allowedExtensions lower-case extensions without the dot
 * @param maxBytes          the largest file
 */
public record MaterialRules(Set<String> allowedExtensions, long maxBytes) {

    /** What we serve each known extension as; an allowed extension outside this map is served as octet-stream. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("txt", "text/plain; charset=UTF-8"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("hwp", "application/x-hwp"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    public MaterialRules {
        allowedExtensions = Set.copyOf(allowedExtensions);
    }

    /** The file name as stored: its last path segment, without control characters; refused when empty or too long. */
    public String fileName(String given) {
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl) || name.startsWith(".")) {
            throw DomainException.invalid("INVALID_FILE_NAME", "the file needs a plain name of 1..255 characters");
        }
        return name;
    }

    /** The content type we serve the file as; refuses an extension outside the allowed set. */
    public String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!allowedExtensions.contains(extension)) {
            throw DomainException.invalid("FILE_TYPE_NOT_ALLOWED", "files of this type are not accepted", extension,
                    String.join(", ", allowedExtensions.stream().sorted().toList()));
        }
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** Refuses a file over the limit (called as bytes arrive, so a large upload stops early). */
    public void requireWithinSize(long bytes) {
        if (bytes > maxBytes) {
            throw DomainException.invalid("FILE_TOO_LARGE", "the file is larger than " + maxBytes + " bytes", maxBytes);
        }
    }
}
