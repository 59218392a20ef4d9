package io.baeum.learning.notification;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

/**
 * A trainee's addresses. auth-service owns them (encrypted personal data); learning keeps no copy.
 */
public interface ContactDirectory {

    /** Either may be null when unknown (that channel is then skipped and logged as such). */
    record Contact(@Nullable String email, @Nullable String phone) {
    }

    Mono<Contact> of(String accountId);
}
