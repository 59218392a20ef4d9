package io.baeum.rag.access;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The local copy of who may read which course's materials, from learning-service's enrollment events
 * (one row per enrollment; the event with the newest time wins, so duplicates and reordering converge).
 */
@Component
public class CourseAccess {

    private final DatabaseClient db;

    CourseAccess(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> mayRead(String accountId, String courseId) {
        return db.sql("SELECT 1 FROM course_access WHERE account_id = :a AND course_id = :c AND active LIMIT 1")
                .bind("a", accountId).bind("c", courseId).fetch().first().hasElement();
    }

    /** Records an enrollment's state as of {@code eventTime}; older news than what is stored changes nothing. */
    public Mono<Void> record(String enrollmentId, String accountId, String courseId, boolean active, Instant eventTime) {
        return db.sql("INSERT INTO course_access (enrollment_id, account_id, course_id, active, event_time) VALUES (:e, :a, :c, :on, :t) "
                        + "ON CONFLICT (enrollment_id) DO UPDATE SET account_id = EXCLUDED.account_id, course_id = EXCLUDED.course_id, "
                        + "active = EXCLUDED.active, event_time = EXCLUDED.event_time WHERE course_access.event_time <= EXCLUDED.event_time")
                .bind("e", enrollmentId).bind("a", accountId).bind("c", courseId).bind("on", active).bind("t", eventTime)
                .fetch().rowsUpdated().then();
    }
}
