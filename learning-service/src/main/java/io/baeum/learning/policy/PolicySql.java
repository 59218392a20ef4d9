package io.baeum.learning.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;

import io.baeum.learning.policy.domain.HrdPolicy;

/**
 * The policy feature's published SQL: other features' queries join the policy in force (by a cohort's
 * study start) with these fragments instead of reaching into {@code policy.persistence}.
 */
public final class PolicySql {

    private PolicySql() {
    }

    /** Columns of {@code hrd_policy}, for queries that join it under the alias {@code p}. */
    public static final String COLUMNS = "p.id AS p_id, p.training_type AS p_training_type, p.version AS p_version, "
            + "p.effective_from AS p_effective_from, p.credit_mode AS p_credit_mode, p.max_playback_rate AS p_max_playback_rate, "
            + "p.seek_rule AS p_seek_rule, p.id_check_min_seconds AS p_id_check_min_seconds, "
            + "p.id_check_max_seconds AS p_id_check_max_seconds, p.step_up_every_lessons AS p_step_up_every_lessons, "
            + "p.step_up_max_age_seconds AS p_step_up_max_age_seconds, p.daily_lesson_cap AS p_daily_lesson_cap, "
            + "p.unlock_percent AS p_unlock_percent, p.lesson_completion_percent AS p_lesson_completion_percent, "
            + "p.course_completion_percent AS p_course_completion_percent, p.passing_score AS p_passing_score, "
            + "p.heartbeat_seconds AS p_heartbeat_seconds";

    /**
     * A lateral join selecting the policy in force for a cohort {@code co} of a course {@code c}: the latest
     * version of the course's training type effective on or before the cohort's study start.
     */
    public static final String IN_FORCE_FOR_COHORT = "JOIN LATERAL (SELECT * FROM hrd_policy hp WHERE hp.training_type = c.training_type "
            + "AND hp.effective_from <= co.study_from ORDER BY hp.effective_from DESC LIMIT 1) p ON true";

    /** Reads a policy selected with {@link #COLUMNS}. */
    public static HrdPolicy read(Readable row) {
        return new HrdPolicy(row.get("p_id", UUID.class), row.get("p_training_type", String.class),
                row.get("p_version", Integer.class), row.get("p_effective_from", LocalDate.class),
                row.get("p_credit_mode", String.class), row.get("p_max_playback_rate", BigDecimal.class).doubleValue(),
                row.get("p_seek_rule", String.class), row.get("p_id_check_min_seconds", Integer.class),
                row.get("p_id_check_max_seconds", Integer.class), row.get("p_step_up_every_lessons", Integer.class),
                row.get("p_step_up_max_age_seconds", Integer.class), row.get("p_daily_lesson_cap", Integer.class),
                row.get("p_unlock_percent", Integer.class), row.get("p_lesson_completion_percent", Integer.class),
                row.get("p_course_completion_percent", Integer.class), row.get("p_passing_score", Integer.class),
                row.get("p_heartbeat_seconds", Integer.class));
    }
}
