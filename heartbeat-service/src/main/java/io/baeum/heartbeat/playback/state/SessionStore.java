package io.baeum.heartbeat.playback.state;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baeum.contract.progress.ProgressEvent;
import io.baeum.heartbeat.playback.domain.PlaybackSession;

/** Where sessions live between beats (Redis). Every write is atomic with the events it emits. */
public interface SessionStore {

    /** A session as loaded, with the account's active session and today's lessons. */
    record Loaded(PlaybackSession session, @Nullable String activeSessionId, List<String> lessonsToday) {
    }

    /** Outcome of an atomic start. */
    record Started(boolean grantAlreadyUsed, @Nullable String previousSessionId) {
    }

    /**
     * Loads a session; empty when unknown. With {@code revocableLoginSession} (the access token's {@code sid}),
     * the session deny-list is checked in the same atomic read, and a revoked one fails with
     * {@link LoginSessionRevokedException} before anything about the session is known.
     */
    Mono<Loaded> load(String sessionId, LocalDate today, @Nullable String revocableLoginSession);

    /**
     * Stores a new session, makes it the account's active one and queues its events — unless the grant
     * already opened a session.
     */
    Mono<Started> start(PlaybackSession session, List<ProgressEvent> events);

    /**
     * Replaces {@code expectedVersion} of the session with {@code next} and queues {@code events}, atomically;
     * {@code false} when someone else changed it first (reload and judge again).
     */
    Mono<Boolean> commit(long expectedVersion, PlaybackSession next, List<ProgressEvent> events,
                         @Nullable LocalDate countLessonOn);
}
