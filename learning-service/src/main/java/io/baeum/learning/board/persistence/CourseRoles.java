package io.baeum.learning.board.persistence;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

import io.baeum.learning.board.domain.CourseRole;

/**
 * What an account is to a course: an instructor of one of its cohorts, a trainee with an ACTIVE enrollment in
 * one, or nothing (admins are known from the token). One indexed query per request (cohort_instructor_idx,
 * enrollment_account_idx); it only reads the cohort and enrollment tables, whose features own the writes.
 */
@Repository
public class CourseRoles {

    private final DatabaseClient db;

    CourseRoles(DatabaseClient db) {
        this.db = db;
    }

    /** Empty when the course does not exist. */
    public Mono<CourseRole> of(UUID courseId, String accountId) {
        return db.sql("SELECT CASE "
                        + "WHEN EXISTS (SELECT 1 FROM cohort_instructor ci JOIN cohort co ON co.id = ci.cohort_id "
                        + "  WHERE ci.instructor_id = :account AND co.course_id = :course) THEN 'INSTRUCTOR' "
                        + "WHEN EXISTS (SELECT 1 FROM enrollment e WHERE e.account_id = :account AND e.course_id = :course "
                        + "  AND e.status = 'ACTIVE') THEN 'TRAINEE' ELSE 'NONE' END AS role FROM course WHERE id = :course")
                .bind("course", courseId).bind("account", accountId)
                .map((row, meta) -> CourseRole.valueOf(row.get("role", String.class))).one();
    }
}
