package io.baeum.learning.playback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.contract.playback.CuePass;
import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackTokenSigner;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.playback.domain.CueQuiz;
import io.baeum.learning.playback.domain.PlaybackRules;
import io.baeum.learning.playback.persistence.PlaybackStore;

/** Playback grants and cue quizzes. */
@Service
public class PlaybackService {

    private final PlaybackStore store;
    private final PlaybackTokenSigner signer;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final LearningProperties properties;

    PlaybackService(PlaybackStore store, PlaybackTokenSigner signer, TransactionalOperator tx, Clock clock,
                    LearningProperties properties) {
        this.store = store;
        this.signer = signer;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** A signed grant and what the player needs besides it. */
    public record IssuedGrant(String token, PlaybackGrant grant, String videoId) {
    }

    public Mono<IssuedGrant> grant(UUID enrollmentId, UUID lessonId, VerifiedAccessToken caller) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        return store.context(enrollmentId, lessonId, today)
                .switchIfEmpty(Mono.error(() -> DomainException.forbidden("NOT_ENROLLED", "no such enrollment and lesson")))
                .map(context -> {
                    PlaybackGrant grant = PlaybackRules.decide(context, caller.subject(), caller.identityVerifiedAt(),
                            UUID.randomUUID().toString(), now, properties.playback().grantLifetime());
                    return new IssuedGrant(signer.sign(grant), grant, context.videoId());
                });
    }

    /** A quiz as a trainee sees it before answering: no correct option, no explanation. */
    public record QuizQuestion(UUID id, int atSecond, String question, List<String> options, boolean passed) {
    }

    /** The outcome of an answer; the explanation and the cue pass only for a correct one. */
    public record QuizOutcome(boolean correct, String explanation, String cuePass) {
    }

    public Mono<List<QuizQuestion>> questions(UUID enrollmentId, UUID lessonId, VerifiedAccessToken caller) {
        return activeEnrollmentOf(enrollmentId, caller)
                .flatMap(e -> store.lesson(lessonId).filter(l -> l.courseId().equals(e.courseId()))
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("LESSON_NOT_FOUND", "no lesson " + lessonId))))
                .flatMap(l -> store.passed(enrollmentId, lessonId).collect(java.util.stream.Collectors.toSet())
                        .flatMap((Set<UUID> passed) -> store.quizzes(lessonId)
                                .map(q -> new QuizQuestion(q.id(), q.atSecond(), q.question(), q.options(), passed.contains(q.id())))
                                .collectList()));
    }

    public Mono<QuizOutcome> answer(UUID enrollmentId, UUID lessonId, UUID quizId, int option, VerifiedAccessToken caller) {
        Instant now = clock.instant();
        return activeEnrollmentOf(enrollmentId, caller)
                .flatMap(e -> store.quiz(quizId).filter(q -> q.lessonId().equals(lessonId))
                        .flatMap(q -> store.lesson(lessonId).filter(l -> l.courseId().equals(e.courseId())).thenReturn(q))
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("QUIZ_NOT_FOUND", "no quiz " + quizId))))
                .flatMap(quiz -> {
                    boolean correct = quiz.isCorrect(option);
                    String passId = UUID.randomUUID().toString();
                    return store.recordAttempt(quizId, enrollmentId, caller.subject(), option, correct, passId, now)
                            .then(Mono.fromSupplier(() -> correct
                                    ? new QuizOutcome(true, quiz.explanation(), signer.sign(new CuePass(passId, caller.subject(),
                                            enrollmentId.toString(), lessonId.toString(), quizId.toString(), now,
                                            now.plus(properties.playback().cuePassLifetime()))))
                                    : new QuizOutcome(false, "", "")));
                })
                .as(tx::transactional);
    }

    private Mono<PlaybackStore.EnrollmentRef> activeEnrollmentOf(UUID enrollmentId, VerifiedAccessToken caller) {
        return store.enrollment(enrollmentId)
                .filter(e -> e.accountId().equals(caller.subject()) && e.status().equals("ACTIVE"))
                .switchIfEmpty(Mono.error(() -> DomainException.forbidden("NOT_ENROLLED", "no active enrollment of the caller")));
    }

    /** Quiz management: admins everywhere, instructors in courses they teach a cohort of. */
    public Mono<PlaybackStore.LessonRef> manageableLesson(UUID lessonId, VerifiedAccessToken caller) {
        return store.lesson(lessonId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("LESSON_NOT_FOUND", "no lesson " + lessonId)))
                .flatMap(lesson -> caller.hasRole("ADMIN") ? Mono.just(lesson)
                        : store.teaches(caller.subject(), lesson.courseId()).flatMap(teaches -> teaches ? Mono.just(lesson)
                        : Mono.error(DomainException.notFound("LESSON_NOT_FOUND", "no lesson " + lessonId))));
    }

    public Mono<List<CueQuiz>> quizzes(UUID lessonId, VerifiedAccessToken caller) {
        return manageableLesson(lessonId, caller).flatMap(l -> store.quizzes(lessonId).collectList());
    }

    public record QuizInput(int atSecond, String question, List<String> options, int correctOption, String explanation) {
    }

    public Mono<CueQuiz> createQuiz(UUID lessonId, QuizInput input, VerifiedAccessToken caller) {
        return manageableLesson(lessonId, caller)
                .map(l -> new CueQuiz(UUID.randomUUID(), lessonId, input.atSecond(), input.question(), input.options(),
                        input.correctOption(), input.explanation()).within(l.durationSeconds() == null ? Integer.MAX_VALUE : l.durationSeconds()))
                .flatMap(q -> store.insert(q).thenReturn(q));
    }

    public Mono<CueQuiz> updateQuiz(UUID quizId, QuizInput input, VerifiedAccessToken caller) {
        return existingQuiz(quizId).flatMap(existing -> manageableLesson(existing.lessonId(), caller)
                .map(l -> new CueQuiz(quizId, existing.lessonId(), input.atSecond(), input.question(), input.options(),
                        input.correctOption(), input.explanation()).within(l.durationSeconds() == null ? Integer.MAX_VALUE : l.durationSeconds())))
                .flatMap(q -> store.update(q).thenReturn(q));
    }

    public Mono<Void> deleteQuiz(UUID quizId, VerifiedAccessToken caller) {
        return existingQuiz(quizId).flatMap(q -> manageableLesson(q.lessonId(), caller)).then(store.delete(quizId)).then();
    }

    private Mono<CueQuiz> existingQuiz(UUID quizId) {
        return store.quiz(quizId).switchIfEmpty(Mono.error(() -> DomainException.notFound("QUIZ_NOT_FOUND", "no quiz " + quizId)));
    }
}
