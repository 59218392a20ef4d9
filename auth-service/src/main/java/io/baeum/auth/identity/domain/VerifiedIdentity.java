package io.baeum.auth.identity.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the provider says about one verification.
 *
 * @param id         the identityVerificationId the provider answered for
 * @param verified   whether its status is VERIFIED
 * @param customerId the customer id the browser passed when starting, if echoed
 * @param ci         연계정보 (CI), present when verified
 * @param phone      the verified phone number (digits)
 * @param name       the verified name
 * @param pgTxId     the provider's transaction id (evidence)
 * @param verifiedAt when the provider completed it
 */
public record VerifiedIdentity(String id, boolean verified, @Nullable String customerId, @Nullable String ci,
        @Nullable String phone, @Nullable String name, @Nullable String pgTxId, @Nullable Instant verifiedAt) {
}
