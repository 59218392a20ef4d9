package io.baeum.learning.completion.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.learning.completion.domain.Completion;
import io.baeum.learning.completion.domain.Completion.Learner;
import io.baeum.learning.completion.domain.CompletionPolicy;
import io.baeum.learning.completion.domain.Criterion;
import io.baeum.learning.completion.domain.EvaluationKind;
import io.baeum.learning.completion.domain.EvaluationResult;
import io.baeum.learning.completion.domain.Outcome;
import io.baeum.learning.completion.domain.Trigger;

/**
 * The completion feature's SQL: results (highest revision per attempt), the inputs of a decision read under the
 * enrollment's row lock, decisions (latest in {@code completion}, every one in {@code completion_decision}).
 */
@Repository
public class CompletionStore {

    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    CompletionStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The trainee's ACTIVE enrollment in the course (in the cohort when given; else the latest cohort's). */
    public Mono<Learner> findLearner(String accountId, UUID courseId, @Nullable UUID cohortId) {
        return db.sql("SELECT e.id, e.cohort_id, e.course_id, e.account_id FROM enrollment e JOIN cohort co ON co.id = e.cohort_id "
                        + "WHERE e.account_id = :account AND e.course_id = :course AND e.status = 'ACTIVE' "
                        + "AND (CAST(:cohort AS uuid) IS NULL OR e.cohort_id = CAST(:cohort AS uuid)) "
                        + "ORDER BY co.study_from DESC LIMIT 1")
                .bind("account", accountId).bind("course", courseId)
                .bind("cohort", Parameter.fromOrEmpty(cohortId, UUID.class))
                .map((row, meta) -> learner(row)).one();
    }

    /** Locks the enrollment's row until the transaction ends: its results and decisions change one at a time. */
    public Mono<Void> lock(UUID enrollmentId) {
        return db.sql("SELECT id FROM enrollment WHERE id = :id FOR UPDATE").bind("id", enrollmentId).map((row, meta) -> 1).all().then();
    }

    /** One attempt's result as exam-service sent it. */
    public record ResultRow(UUID attemptId, UUID evaluationId, EvaluationKind kind, int attemptNo, BigDecimal score, int passScore,
                            boolean passed, boolean onTime, boolean autoSubmitted, boolean blank, @Nullable Instant submittedAt,
                            Instant gradedAt, int revision, @Nullable String reason) {
    }

    /**
     * Stores the result unless a revision at least as high is stored already (whatever the arrival order, the
     * highest revision wins); emits whether anything changed. Also records the evaluation as one of the course's.
     */
    public Mono<Boolean> record(Learner learner, ResultRow r) {
        Mono<Long> stored = db.sql("INSERT INTO evaluation_result AS er (attempt_id, enrollment_id, evaluation_id, evaluation_kind, "
                        + "attempt_no, score, pass_score, passed, on_time, auto_submitted, blank, submitted_at, graded_at, revision, reason) "
                        + "VALUES (:attempt, :enrollment, :evaluation, :kind, :no, :score, :pass, :passed, :onTime, :auto, :blank, "
                        + ":submitted, :graded, :revision, :reason) "
                        + "ON CONFLICT (attempt_id) DO UPDATE SET evaluation_id = EXCLUDED.evaluation_id, "
                        + "evaluation_kind = EXCLUDED.evaluation_kind, attempt_no = EXCLUDED.attempt_no, score = EXCLUDED.score, "
                        + "pass_score = EXCLUDED.pass_score, passed = EXCLUDED.passed, on_time = EXCLUDED.on_time, "
                        + "auto_submitted = EXCLUDED.auto_submitted, blank = EXCLUDED.blank, submitted_at = EXCLUDED.submitted_at, "
                        + "graded_at = EXCLUDED.graded_at, revision = EXCLUDED.revision, reason = EXCLUDED.reason, recorded_at = now() "
                        + "WHERE er.revision < EXCLUDED.revision AND er.enrollment_id = EXCLUDED.enrollment_id")
                .bind("attempt", r.attemptId()).bind("enrollment", learner.enrollmentId()).bind("evaluation", r.evaluationId())
                .bind("kind", r.kind().name()).bind("no", r.attemptNo()).bind("score", r.score()).bind("pass", r.passScore())
                .bind("passed", r.passed()).bind("onTime", r.onTime()).bind("auto", r.autoSubmitted()).bind("blank", r.blank())
                .bind("submitted", Parameter.fromOrEmpty(offset(r.submittedAt()), OffsetDateTime.class))
                .bind("graded", offset(r.gradedAt())).bind("revision", r.revision())
                .bind("reason", Parameter.fromOrEmpty(r.reason(), String.class))
                .fetch().rowsUpdated();
        return db.sql("INSERT INTO course_evaluation (course_id, evaluation_id, evaluation_kind) VALUES (:course, :evaluation, :kind) "
                        + "ON CONFLICT DO NOTHING")
                .bind("course", learner.courseId()).bind("evaluation", r.evaluationId()).bind("kind", r.kind().name())
                .then()
                .then(stored)
                .map(n -> n > 0);
    }

    /** Everything a decision reads, under the enrollment's row lock (decisions of one enrollment run one at a time). */
    public record Inputs(Learner learner, boolean active, LocalDate studyTo, CompletionPolicy policy, BigDecimal progressPercent,
                         List<EvaluationResult> results, Map<UUID, EvaluationKind> courseEvaluations, Optional<Completion> existing) {
    }

    public Mono<Inputs> lockInputs(UUID enrollmentId) {
        Mono<Header> header = db.sql("SELECT e.id, e.cohort_id, e.course_id, e.account_id, e.status, e.progress_percent, co.study_to, "
                        + "p.id AS p_id, p.training_type AS p_type, p.version AS p_version, p.min_progress_percent, p.min_total_score, "
                        + "p.final_weight, p.assignment_weight, p.stage_weight, p.require_on_time "
                        + "FROM enrollment e JOIN cohort co ON co.id = e.cohort_id JOIN course c ON c.id = e.course_id "
                        + "JOIN LATERAL (SELECT * FROM completion_policy cp WHERE cp.training_type = c.training_type "
                        + "AND cp.effective_from <= co.study_from ORDER BY cp.effective_from DESC LIMIT 1) p ON true "
                        + "WHERE e.id = :id FOR UPDATE OF e")
                .bind("id", enrollmentId)
                .map((row, meta) -> new Header(learner(row), "ACTIVE".equals(row.get("status", String.class)),
                        row.get("study_to", LocalDate.class),
                        new CompletionPolicy(row.get("p_id", UUID.class), row.get("p_type", String.class),
                                row.get("p_version", Integer.class), row.get("min_progress_percent", Integer.class),
                                row.get("min_total_score", Integer.class), row.get("final_weight", Integer.class),
                                row.get("assignment_weight", Integer.class), row.get("stage_weight", Integer.class),
                                row.get("require_on_time", Boolean.class)),
                        row.get("progress_percent", BigDecimal.class)))
                .one();
        return header.flatMap(h -> Mono.zip(
                db.sql("SELECT attempt_id, evaluation_id, evaluation_kind, attempt_no, score, passed, on_time, revision "
                                + "FROM evaluation_result WHERE enrollment_id = :id ORDER BY attempt_id")
                        .bind("id", enrollmentId)
                        .map((row, meta) -> new EvaluationResult(row.get("attempt_id", UUID.class), row.get("evaluation_id", UUID.class),
                                EvaluationKind.valueOf(row.get("evaluation_kind", String.class)), row.get("attempt_no", Integer.class),
                                row.get("score", BigDecimal.class), row.get("passed", Boolean.class), row.get("on_time", Boolean.class),
                                row.get("revision", Integer.class)))
                        .all().collectList(),
                db.sql("SELECT evaluation_id, evaluation_kind FROM course_evaluation WHERE course_id = :course ORDER BY evaluation_id")
                        .bind("course", h.learner().courseId())
                        .map((row, meta) -> Map.entry(row.get("evaluation_id", UUID.class),
                                EvaluationKind.valueOf(row.get("evaluation_kind", String.class))))
                        .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new),
                db.sql("SELECT * FROM completion WHERE enrollment_id = :id").bind("id", enrollmentId)
                        .map((row, meta) -> Optional.of(completion(h.learner(), row))).one().defaultIfEmpty(Optional.empty()))
                .map(t -> new Inputs(h.learner(), h.active(), h.studyTo(), h.policy(), h.progress(), t.getT1(),
                        Map.copyOf(t.getT2()), t.getT3())));
    }

    private record Header(Learner learner, boolean active, LocalDate studyTo, CompletionPolicy policy, BigDecimal progress) {
    }

    /** Writes the latest decision and appends it to the history. */
    public Mono<Void> save(Completion c) {
        String criteria = json.writeValueAsString(c.criteria());
        return db.sql("INSERT INTO completion (enrollment_id, outcome, progress_percent, total_score, criteria, policy_id, decided_at, "
                        + "decision_no) VALUES (:e, :outcome, :progress, :total, CAST(:criteria AS jsonb), :policy, :at, :no) "
                        + "ON CONFLICT (enrollment_id) DO UPDATE SET outcome = EXCLUDED.outcome, progress_percent = EXCLUDED.progress_percent, "
                        + "total_score = EXCLUDED.total_score, criteria = EXCLUDED.criteria, policy_id = EXCLUDED.policy_id, "
                        + "decided_at = EXCLUDED.decided_at, decision_no = EXCLUDED.decision_no")
                .bind("e", c.learner().enrollmentId()).bind("outcome", c.outcome().name()).bind("progress", c.progressPercent())
                .bind("total", c.totalScore()).bind("criteria", criteria).bind("policy", c.policyId())
                .bind("at", offset(c.decidedAt())).bind("no", c.decisionNo())
                .then()
                .then(db.sql("INSERT INTO completion_decision (enrollment_id, decision_no, outcome, progress_percent, total_score, "
                                + "criteria, policy_id, trigger, decided_at) VALUES (:e, :no, :outcome, :progress, :total, "
                                + "CAST(:criteria AS jsonb), :policy, :trigger, :at)")
                        .bind("e", c.learner().enrollmentId()).bind("no", c.decisionNo()).bind("outcome", c.outcome().name())
                        .bind("progress", c.progressPercent()).bind("total", c.totalScore()).bind("criteria", criteria)
                        .bind("policy", c.policyId()).bind("trigger", c.trigger().name()).bind("at", offset(c.decidedAt()))
                        .then());
    }

    /** Of these enrollments, those a progress change can decide: decided before, or with a final exam result. */
    public Flux<UUID> affectedByProgress(Collection<UUID> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT k.id FROM unnest(CAST(:ids AS uuid[])) AS k(id) WHERE EXISTS (SELECT 1 FROM completion c "
                        + "WHERE c.enrollment_id = k.id) OR EXISTS (SELECT 1 FROM evaluation_result r WHERE r.enrollment_id = k.id "
                        + "AND r.evaluation_kind = 'FINAL') ORDER BY k.id")
                .bind("ids", enrollmentIds.stream().distinct().toArray(UUID[]::new))
                .map((row, meta) -> row.get("id", UUID.class)).all();
    }

    /** ACTIVE enrollments of cohorts that ended before {@code endedBefore}, still undecided (the sweep's work). */
    public Flux<UUID> undecidedOfEndedCohorts(LocalDate endedBefore, int limit) {
        return db.sql("SELECT e.id FROM enrollment e JOIN cohort co ON co.id = e.cohort_id "
                        + "WHERE co.study_to < :ended AND e.status = 'ACTIVE' "
                        + "AND NOT EXISTS (SELECT 1 FROM completion c WHERE c.enrollment_id = e.id) ORDER BY e.id LIMIT :limit")
                .bind("ended", endedBefore).bind("limit", limit)
                .map((row, meta) -> row.get("id", UUID.class)).all();
    }

    private Completion completion(Learner learner, Readable row) {
        Object criteria = row.get("criteria");
        String text = criteria instanceof Json j ? j.asString() : String.valueOf(criteria);
        return new Completion(learner, Outcome.valueOf(row.get("outcome", String.class)), row.get("progress_percent", BigDecimal.class),
                row.get("total_score", BigDecimal.class), json.readValue(text, CRITERIA), row.get("policy_id", UUID.class),
                Trigger.RESULT, row.get("decided_at", OffsetDateTime.class).toInstant(), row.get("decision_no", Integer.class));
    }

    private static Learner learner(Readable row) {
        return new Learner(row.get("id", UUID.class), row.get("cohort_id", UUID.class), row.get("course_id", UUID.class),
                row.get("account_id", String.class));
    }

    private static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
