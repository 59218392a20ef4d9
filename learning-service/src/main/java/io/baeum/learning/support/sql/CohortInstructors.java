package io.baeum.learning.support.sql;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Who teaches a cohort (cohort_instructor): the one check of the features that show a cohort to its instructors. */
@Component
public class CohortInstructors {

    private final DatabaseClient db;

    CohortInstructors(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> teaches(UUID cohortId, String instructorId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM cohort_instructor WHERE cohort_id = :cohort AND instructor_id = :id) AS t")
                .bind("cohort", cohortId).bind("id", instructorId).map(row -> Boolean.TRUE.equals(row.get("t", Boolean.class))).one();
    }
}
