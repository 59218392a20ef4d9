package io.baeum.auth.session;

import java.util.UUID;

import reactor.core.publisher.Mono;

/** The port through which sessions read their account (implemented by the account feature). */
public interface SessionSubjects {

    /** The account's current roles and status; empty if there is no such account. */
    Mono<SessionSubject> find(UUID accountId);
}
