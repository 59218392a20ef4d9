package io.baeum.contract.playback;

import java.time.Instant;
import java.util.Objects;

/**
 * learning-service's signed statement that a trainee answered the quiz at a cue point correctly; the
 * player presents it to heartbeat-service, which then credits progress past the cue.
 *
 * @param passId       unique id ({@code jti})
 * @param accountId    the trainee ({@code sub})
 * @param enrollmentId the enrollment
 * @param lessonId     the lesson
 * @param cueId        the cue point
 * @param issuedAt     {@code iat}
 * @param expiresAt    {@code exp}
 */
public record CuePass(String passId, String accountId, String enrollmentId, String lessonId, String cueId,
                      Instant issuedAt, Instant expiresAt) {

    public CuePass {
        Objects.requireNonNull(passId, "passId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(cueId, "cueId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
