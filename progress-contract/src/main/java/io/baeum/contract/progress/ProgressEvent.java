package io.baeum.contract.progress;

import java.util.Objects;
import java.util.UUID;

/**
 * One progress fact observed by heartbeat-service. The fields every event shares live here; what
 * happened is the {@link #kind()}.
 *
 * @param eventId           unique per event: the consumer's inbox key, hence the replay protection
 * @param occurredAtEpochMs when the server observed it, epoch milliseconds (never the client clock)
 * @param accountId         the learner's account, 1..128 characters
 * @param enrollmentId      the enrollment the progress counts toward, 1..128 characters
 * @param lessonId          the lesson, 1..128 characters
 * @param playbackSessionId the playback session the heartbeat belonged to, 1..128 characters
 * @param kind              what happened
 */
public record ProgressEvent(
        UUID eventId,
        long occurredAtEpochMs,
        String accountId,
        String enrollmentId,
        String lessonId,
        String playbackSessionId,
        ProgressEventKind kind) {

    /** Upper bound on identifier strings, so the size of one event is bounded and a batch can be split. */
    public static final int MAX_ID_LENGTH = 128;

    public ProgressEvent {
        Objects.requireNonNull(eventId, "eventId");
        requireNonNegative("occurredAtEpochMs", occurredAtEpochMs);
        requireText("accountId", accountId, MAX_ID_LENGTH);
        requireText("enrollmentId", enrollmentId, MAX_ID_LENGTH);
        requireText("lessonId", lessonId, MAX_ID_LENGTH);
        requireText("playbackSessionId", playbackSessionId, MAX_ID_LENGTH);
        Objects.requireNonNull(kind, "kind");
    }

    static void requireText(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must have 1.." + maxLength + " characters");
        }
    }

    static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
    }
}
