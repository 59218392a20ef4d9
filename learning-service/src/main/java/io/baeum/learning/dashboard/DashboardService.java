package io.baeum.learning.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.dashboard.domain.AdminDashboard;
import io.baeum.learning.dashboard.domain.CohortDashboard;
import io.baeum.learning.dashboard.domain.EnrollmentTrend;
import io.baeum.learning.dashboard.domain.EvaluationSummary;
import io.baeum.learning.dashboard.domain.TraineeCard;
import io.baeum.learning.dashboard.persistence.DashboardReads;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;
import io.baeum.learning.support.sql.CohortInstructors;

/**
 * The three dashboards (docs/learning.md "Dashboards"). Year and month boundaries and "today" are the
 * server clock's in the configured zone (Asia/Seoul).
 */
@Service
public class DashboardService {

    /** Rows of the running-cohorts table at most. */
    static final int ACTIVE_COHORTS = 100;

    private final DashboardReads reads;
    private final CohortInstructors instructors;
    private final Clock clock;
    private final ZoneId zone;

    DashboardService(DashboardReads reads, CohortInstructors instructors, Clock clock, LearningProperties properties) {
        this.reads = reads;
        this.instructors = instructors;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** The trainee's classroom: a card per live enrollment of {@code accountId}. */
    public Mono<List<TraineeCard>> classroom(String accountId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return reads.cards(accountId, today).collectList().flatMap(cards -> reads.latestResults(cards.stream()
                        .map(TraineeCard::enrollmentId).toList())
                .collect(Collectors.groupingBy(EvaluationSummary.Result::enrollmentId))
                .map(results -> cards.stream().map(card -> withEvaluations(card,
                        EvaluationSummary.of(results.getOrDefault(card.enrollmentId(), List.of())))).toList()));
    }

    private static TraineeCard withEvaluations(TraineeCard c, Map<EvaluationSummary.Kind, EvaluationSummary> evaluations) {
        return new TraineeCard(c.enrollmentId(), c.status(), c.courseId(), c.courseTitle(), c.cohortId(), c.cohortName(), c.period(),
                c.progressPercent(), c.completedLessons(), c.totalLessons(), c.nextLesson(), evaluations, c.completion(), c.certificate());
    }

    /**
     * A cohort's learner table and figures, for an instructor who teaches it or an admin; any other caller
     * learns nothing of the cohort (404, as for one that does not exist).
     */
    public Mono<CohortDashboard> cohort(UUID cohortId, String callerId, boolean admin, PageRequest page) {
        Mono<Boolean> allowed = admin ? Mono.just(true) : instructors.teaches(cohortId, callerId);
        return allowed.flatMap(ok -> ok ? reads.cohortFigures(cohortId) : Mono.empty())
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId)))
                .flatMap(f -> Mono.zip(reads.grading(cohortId), reads.learners(cohortId, page))
                        .map(t -> dashboard(f, t.getT1(), t.getT2())));
    }

    private static CohortDashboard dashboard(DashboardReads.CohortFigures f, CohortDashboard.GradingQueue queue,
                                             Page<CohortDashboard.LearnerRow> page) {
        return new CohortDashboard(f.cohortId(), f.cohortName(), f.courseId(), f.courseTitle(), f.studyFrom(), f.studyTo(),
                f.enrolled(), f.completed(), f.failed(), f.averageProgress(), queue, page.items());
    }

    /** The operator's dashboard, as of the server clock. */
    public Mono<AdminDashboard> admin() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        YearMonth month = YearMonth.from(today);
        Instant yearStart = LocalDate.of(today.getYear(), 1, 1).atStartOfDay(zone).toInstant();
        Instant nextYear = LocalDate.of(today.getYear() + 1, 1, 1).atStartOfDay(zone).toInstant();
        Instant lastYear = LocalDate.of(today.getYear() - 1, 1, 1).atStartOfDay(zone).toInstant();
        return Mono.zip(reads.yearCards(today.getYear(), yearStart, nextYear),
                        reads.applicationsPerMonth(lastYear, nextYear, zone.getId()),
                        reads.activeCohorts(today, ACTIVE_COHORTS).collectList())
                .map(t -> new AdminDashboard(t.getT1(), EnrollmentTrend.of(month, t.getT2()), t.getT3()));
    }
}
