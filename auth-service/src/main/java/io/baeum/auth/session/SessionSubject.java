package io.baeum.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What a session needs to know about its account to issue a token. */
public record SessionSubject(UUID accountId, List<String> roles, boolean active, @Nullable Instant identityVerifiedAt) {
}
