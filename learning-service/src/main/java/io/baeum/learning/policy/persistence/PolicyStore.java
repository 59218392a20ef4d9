package io.baeum.learning.policy.persistence;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.learning.policy.PolicySql;
import io.baeum.learning.policy.domain.HrdPolicy;
import io.baeum.learning.support.sql.DataConflicts;

/** Policy versions in PostgreSQL. */
@Repository
public class PolicyStore {

    private final DatabaseClient db;

    PolicyStore(DatabaseClient db) {
        this.db = db;
    }

    public Flux<HrdPolicy> versions(String trainingType) {
        return db.sql("SELECT " + PolicySql.COLUMNS + " FROM hrd_policy p WHERE p.training_type = :type ORDER BY p.effective_from")
                .bind("type", trainingType).map((row, meta) -> PolicySql.read(row)).all();
    }

    /** Serializes additions of versions for a training type. */
    public Mono<Void> lockType(String trainingType) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('hrd_policy:' || :type))").bind("type", trainingType)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> insert(HrdPolicy p) {
        var spec = db.sql("INSERT INTO hrd_policy (id, training_type, version, effective_from, credit_mode, max_playback_rate, "
                        + "seek_rule, id_check_min_seconds, id_check_max_seconds, step_up_every_lessons, step_up_max_age_seconds, "
                        + "daily_lesson_cap, unlock_percent, lesson_completion_percent, course_completion_percent, passing_score, "
                        + "heartbeat_seconds) VALUES (:id, :type, :version, :from, :credit, :rate, :seek, :idMin, :idMax, :stepEvery, "
                        + ":stepAge, :cap, :unlock, :lessonPct, :coursePct, :score, :beat)")
                .bind("id", p.id()).bind("type", p.trainingType()).bind("version", p.version())
                .bind("from", p.effectiveFrom()).bind("credit", p.creditMode())
                .bind("rate", BigDecimal.valueOf(p.maxPlaybackRate())).bind("seek", p.seekRule())
                .bind("cap", p.dailyLessonCap()).bind("lessonPct", p.lessonCompletionPercent())
                .bind("coursePct", p.courseCompletionPercent()).bind("score", p.passingScore()).bind("beat", p.heartbeatSeconds())
                .bind("idMin", Parameter.fromOrEmpty(p.idCheckMinSeconds(), Integer.class))
                .bind("idMax", Parameter.fromOrEmpty(p.idCheckMaxSeconds(), Integer.class))
                .bind("stepEvery", Parameter.fromOrEmpty(p.stepUpEveryLessons(), Integer.class))
                .bind("stepAge", Parameter.fromOrEmpty(p.stepUpMaxAgeSeconds(), Integer.class))
                .bind("unlock", Parameter.fromOrEmpty(p.unlockPercent(), Integer.class));
        return spec.then().onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

}
