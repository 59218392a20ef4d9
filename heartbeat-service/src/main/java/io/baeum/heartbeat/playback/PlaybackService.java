package io.baeum.heartbeat.playback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;


import io.baeum.contract.playback.CuePass;
import io.baeum.contract.playback.PlaybackTokenVerifier;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.common.security.InvalidAccessTokenException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;
import io.baeum.heartbeat.playback.domain.Beat;
import io.baeum.heartbeat.playback.domain.BeatOutcome;
import io.baeum.heartbeat.playback.domain.Challenge;
import io.baeum.heartbeat.playback.domain.DailyLedger;
import io.baeum.heartbeat.playback.domain.HeartbeatJudge;
import io.baeum.heartbeat.playback.domain.PlaybackRefusedException;
import io.baeum.heartbeat.playback.domain.PlaybackSession;
import io.baeum.heartbeat.playback.state.SessionStore;

/**
 * Playback sessions: verifies what the player presents, loads the session, lets the judge decide and
 * stores the decision with its events atomically (retrying the whole read-judge-write when another
 * instance changed the session in between).
 */
public class PlaybackService {

    /** The zone of every HRD date (the grant contract fixes it). */
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final HeartbeatJudge judge;
    private final SessionStore store;
    private final PlaybackTokenVerifier grants;
    private final Clock clock;
    private final RandomGenerator ids;
    private final PlaybackMetrics metrics;
    private final int maxCasRetries;

    public PlaybackService(HeartbeatJudge judge, SessionStore store, PlaybackTokenVerifier grants, Clock clock,
            RandomGenerator ids, PlaybackMetrics metrics, int maxCasRetries) {
        this.judge = judge;
        this.store = store;
        this.grants = grants;
        this.clock = clock;
        this.ids = ids;
        this.metrics = metrics;
        this.maxCasRetries = maxCasRetries;
    }

    /** A decision and the session it left. */
    public record Result(PlaybackSession session, BeatOutcome outcome) {
    }

    /** Client facts of a session start. */
    public record ClientContext(String clientIp, byte[] deviceFingerprintHash, @Nullable String userAgent) {
    }

    public Mono<Result> start(VerifiedAccessToken token, String grantJwt, ClientContext client) {
        return grants.verifyGrant(grantJwt)
                .onErrorMap(InvalidAccessTokenException.class, e -> DomainException.forbidden(
                        "GRANT_INVALID", "playback grant refused: " + e.reason(), e.reason().name()))
                .flatMap(grant -> {
                    if (!grant.accountId().equals(token.subject())) {
                        return Mono.error(DomainException.forbidden( "GRANT_NOT_YOURS",
                                "the playback grant was issued to another account"));
                    }
                    String sessionId = newSessionId();
                    BeatOutcome opened = judge.open(sessionId, grant, new HeartbeatJudge.StartContext(client.clientIp(),
                            client.deviceFingerprintHash(), client.userAgent(), token.identityVerifiedAt()));
                    return store.start(opened.session(), events(opened.session(), opened))
                            .flatMap(started -> {
                                if (started.grantAlreadyUsed()) {
                                    return Mono.error(DomainException.conflict( "GRANT_ALREADY_USED",
                                            "this playback grant already opened a session"));
                                }
                                metrics.sessionStarted();
                                Mono<Void> endPrevious = started.previousSessionId() == null
                                        || started.previousSessionId().equals(sessionId) ? Mono.empty()
                                        : endPrevious(started.previousSessionId());
                                return endPrevious.thenReturn(new Result(opened.session(), opened));
                            });
                });
    }

    /** Judges one beat. */
    public Mono<Result> beat(VerifiedAccessToken token, String sessionId, Beat beat) {
        return change(token, sessionId, loaded -> judge.judge(loaded.session(), beat, ledger(loaded)))
                .doOnNext(result -> metrics.beatJudged(result.outcome()));
    }

    /** Presents learning-service's cue pass for a cue. */
    public Mono<Result> passCue(VerifiedAccessToken token, String sessionId, String cueId, String passJwt) {
        return grants.verifyCuePass(passJwt)
                .onErrorMap(InvalidAccessTokenException.class, e -> DomainException.forbidden(
                        "CUE_PASS_INVALID", "cue pass refused: " + e.reason(), e.reason().name()))
                .flatMap(pass -> change(token, sessionId, loaded -> {
                    requireMatches(pass, loaded.session(), cueId);
                    return judge.passCue(loaded.session(), cueId);
                }));
    }

    /** Answers the pending identity check: a presence code, or (without a code) a completed step-up. */
    public Mono<Result> answerIdentityCheck(VerifiedAccessToken token, String sessionId, String challengeId,
            @Nullable String code) {
        return change(token, sessionId, loaded -> {
            Challenge pending = loaded.session().pendingChallenge();
            if (pending != null && pending.kind() == Challenge.Kind.STEP_UP) {
                return judge.confirmStepUp(loaded.session(), challengeId, token.identityVerifiedAt());
            }
            return judge.answerPresence(loaded.session(), challengeId, code == null ? "" : code);
        });
    }

    /** The player ends the session. */
    public Mono<Result> end(VerifiedAccessToken token, String sessionId) {
        return change(token, sessionId, loaded -> judge.end(loaded.session(), "ENDED", true));
    }

    private Mono<Void> endPrevious(String previousId) {
        return change(null, previousId, loaded -> judge.end(loaded.session(), "CONCURRENT_SESSION", false))
                .doOnNext(r -> metrics.concurrentSessionTerminated())
                .onErrorResume(e -> Mono.empty()) // a beat on the old session ends it just the same
                .then();
    }

    private Mono<Result> change(@Nullable VerifiedAccessToken token, String sessionId,
            Function<SessionStore.Loaded, BeatOutcome> decision) {
        return Mono.defer(() -> {
                    LocalDate today = LocalDate.ofInstant(clock.instant(), SEOUL);
                    // the deny-list is checked again here, atomically with the load: the beat endpoint's security
                    // chain leaves it to this read (one Redis round trip less per beat)
                    return store.load(sessionId, today, token == null ? null : token.sessionId())
                            .switchIfEmpty(Mono.error(() -> notFound(sessionId)))
                            .flatMap(loaded -> {
                                PlaybackSession session = loaded.session();
                                if (token != null && !session.accountId().equals(token.subject())) {
                                    return Mono.error(notFound(sessionId));
                                }
                                BeatOutcome outcome;
                                if (session.active() && loaded.activeSessionId() != null
                                        && !sessionId.equals(loaded.activeSessionId())) {
                                    // another device started playback: this one ends whatever it asked
                                    outcome = judge.end(session, "CONCURRENT_SESSION", false);
                                } else {
                                    outcome = decision.apply(loaded);
                                }
                                if (!outcome.changed()) {
                                    return Mono.just(new Result(session, outcome));
                                }
                                LocalDate countOn = outcome.countLessonToday() ? judge.today(session) : null;
                                return store.commit(session.version(), outcome.session(), events(session, outcome), countOn)
                                        .flatMap(stored -> stored ? Mono.just(new Result(outcome.session(), outcome))
                                                : Mono.error(new ConcurrentChange()));
                            });
                })
                .retryWhen(Retry.max(maxCasRetries).filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> DomainException.conflict(
                                "SESSION_BUSY", "the session is changing too fast; retry")))
                .onErrorMap(PlaybackRefusedException.class, PlaybackService::toDomain);
    }

    private DailyLedger ledger(SessionStore.Loaded loaded) {
        PlaybackSession session = loaded.session();
        boolean thisLesson = loaded.lessonsToday().contains(session.lessonId());
        int others = loaded.lessonsToday().size() - (thisLesson ? 1 : 0);
        return DailyLedger.merge(others, thisLesson, session, judge.today(session));
    }

    private static void requireMatches(CuePass pass, PlaybackSession session, String cueId) {
        if (!pass.accountId().equals(session.accountId()) || !pass.enrollmentId().equals(session.enrollmentId())
                || !pass.lessonId().equals(session.lessonId()) || !pass.cueId().equals(cueId)) {
            throw DomainException.forbidden( "CUE_PASS_MISMATCH",
                    "the cue pass is for another trainee, lesson or cue");
        }
    }

    private List<ProgressEvent> events(PlaybackSession session, BeatOutcome outcome) {
        long now = clock.millis();
        return outcome.facts().stream()
                .map(fact -> new ProgressEvent(randomUuid(), now, session.accountId(), session.enrollmentId(),
                        session.lessonId(), session.id(), fact))
                .toList();
    }

    /** Version-4 UUIDs without touching the blocking system entropy source on an event loop. */
    private static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private String newSessionId() {
        return "ps_" + Long.toUnsignedString(ids.nextLong(), 36) + Long.toUnsignedString(ids.nextLong(), 36);
    }

    private static DomainException notFound(String sessionId) {
        return DomainException.notFound( "SESSION_NOT_FOUND", "no playback session " + sessionId);
    }

    private static DomainException toDomain(PlaybackRefusedException e) {
        ErrorKind kind = switch (e.code()) {
            case SEQUENCE_TOO_FAR_AHEAD, SESSION_NOT_ACTIVE, CHALLENGE_NOT_PENDING, WRONG_CHALLENGE_KIND -> ErrorKind.CONFLICT;
            case POSITION_BEYOND_VIDEO, UNKNOWN_CUE -> ErrorKind.RULE;
            case STEP_UP_NOT_DONE -> ErrorKind.FORBIDDEN;
        };
        return new DomainException(kind, e.code().name(), e.getMessage());
    }

    /** Another instance changed the session between our read and write. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
