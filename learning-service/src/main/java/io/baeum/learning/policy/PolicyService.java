package io.baeum.learning.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.policy.domain.HrdPolicy;
import io.baeum.learning.policy.domain.PolicyBook;
import io.baeum.learning.policy.persistence.PolicyStore;

/** Policy versions: resolution by date, and new versions starting in the future. */
@Service
public class PolicyService {

    private final PolicyStore store;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final LearningProperties properties;

    PolicyService(PolicyStore store, TransactionalOperator tx, Clock clock, LearningProperties properties) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    public Mono<PolicyBook> book(String trainingType) {
        return store.versions(trainingType).collectList().map(list -> new PolicyBook(trainingType, list));
    }

    public Mono<HrdPolicy> inForce(String trainingType, LocalDate date) {
        return book(trainingType).flatMap(book -> Mono.justOrEmpty(book.inForceOn(date)))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("POLICY_NOT_FOUND",
                        "no " + trainingType + " policy in force on " + date, trainingType, date)));
    }

    /** Adds a version of {@code draft}'s training type starting on {@code draft.effectiveFrom()}. */
    public Mono<HrdPolicy> addVersion(HrdPolicy draft) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        return store.lockType(draft.trainingType())
                .then(book(draft.trainingType()))
                .map(book -> new HrdPolicy(UUID.randomUUID(), draft.trainingType(),
                        book.nextVersion(draft.effectiveFrom(), today), draft.effectiveFrom(), draft.creditMode(),
                        draft.maxPlaybackRate(), draft.seekRule(), draft.idCheckMinSeconds(), draft.idCheckMaxSeconds(),
                        draft.stepUpEveryLessons(), draft.stepUpMaxAgeSeconds(), draft.dailyLessonCap(), draft.unlockPercent(),
                        draft.lessonCompletionPercent(), draft.courseCompletionPercent(), draft.passingScore(),
                        draft.heartbeatSeconds()))
                .flatMap(policy -> store.insert(policy).thenReturn(policy))
                .as(tx::transactional);
    }
}
