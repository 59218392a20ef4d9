package io.baeum.exam.attempt.domain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/** The step-up identity check: the access token's {@code idv_at} must be at most the policy's age old. */
public final class StepUp {

    private StepUp() {
    }

    public static void check(@Nullable Long maxAgeSeconds, @Nullable Instant identityVerifiedAt, Instant now) {
        if (maxAgeSeconds == null) {
            return;
        }
        if (identityVerifiedAt == null || identityVerifiedAt.isAfter(now.plusSeconds(60))
                || Duration.between(identityVerifiedAt, now).getSeconds() > maxAgeSeconds) {
            throw DomainException.forbidden("STEP_UP_REQUIRED", "verify your identity (본인인증) again first", maxAgeSeconds / 60);
        }
    }
}
