package io.baeum.learning.cohort.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.learning.cohort.domain.Cohort;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;
import io.baeum.learning.support.sql.DataConflicts;

/** Cohorts and their instructors in PostgreSQL. */
@Repository
public class CohortStore {

    public static final Map<String, String> SORTS = Map.of("studyFrom", "co.study_from", "name", "co.name",
            "capacity", "co.capacity");

    /** Selects a cohort with its instructors as an array. */
    public static final String SELECT = "SELECT co.*, ARRAY(SELECT ci.instructor_id FROM cohort_instructor ci "
            + "WHERE ci.cohort_id = co.id ORDER BY ci.instructor_id) AS instructors FROM cohort co";

    private final DatabaseClient db;

    CohortStore(DatabaseClient db) {
        this.db = db;
    }

    /** The cohort, locked until the transaction ends: seat counting and enrollment changes serialize on it. */
    public Mono<Cohort> lock(UUID id) {
        return db.sql(SELECT + " WHERE co.id = :id FOR UPDATE OF co").bind("id", id).map((row, meta) -> read(row)).one();
    }

    /** The course's status and price, its row locked for the transaction. */
    public record CourseTerms(String status, long price) {
    }

    /** Locks the course row, so cohorts of one course are created one at a time (the overlap check holds). */
    public Mono<CourseTerms> lockCourse(UUID courseId) {
        return db.sql("SELECT status, price FROM course WHERE id = :id FOR UPDATE").bind("id", courseId)
                .map((row, meta) -> new CourseTerms(row.get("status", String.class), row.get("price", Long.class))).one();
    }

    public Flux<Cohort> ofCourse(UUID courseId) {
        return db.sql(SELECT + " WHERE co.course_id = :course ORDER BY co.study_from").bind("course", courseId)
                .map((row, meta) -> read(row)).all();
    }

    public Mono<Cohort> find(UUID id) {
        return db.sql(SELECT + " WHERE co.id = :id").bind("id", id).map((row, meta) -> read(row)).one();
    }

    public Mono<Page<Cohort>> list(@Nullable UUID courseId, @Nullable String instructorId, PageRequest page) {
        String where = " WHERE (CAST(:course AS uuid) IS NULL OR co.course_id = :course)"
                + " AND (CAST(:instructor AS text) IS NULL OR EXISTS (SELECT 1 FROM cohort_instructor ci "
                + "WHERE ci.cohort_id = co.id AND ci.instructor_id = :instructor))";
        var items = db.sql(SELECT + where + " ORDER BY " + page.orderBy("co.id") + " LIMIT " + page.size()
                + " OFFSET " + page.offset());
        var count = db.sql("SELECT count(*) AS total FROM cohort co" + where);
        items = items.bind("course", Parameter.fromOrEmpty(courseId, UUID.class));
        count = count.bind("course", Parameter.fromOrEmpty(courseId, UUID.class));
        items = items.bind("instructor", Parameter.fromOrEmpty(instructorId, String.class));
        count = count.bind("instructor", Parameter.fromOrEmpty(instructorId, String.class));
        return Mono.zip(items.map((row, meta) -> read(row)).all().collectList(),
                count.map((row, meta) -> row.get("total", Long.class)).one()).map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    public Mono<Void> insert(Cohort c) {
        return db.sql("INSERT INTO cohort (id, course_id, name, study_from, study_to, enrollment_from, enrollment_to, capacity) "
                        + "VALUES (:id, :course, :name, :sf, :st, :ef, :et, :capacity)")
                .bind("id", c.id()).bind("course", c.courseId()).bind("name", c.name())
                .bind("sf", c.studyFrom()).bind("st", c.studyTo()).bind("ef", c.enrollmentFrom()).bind("et", c.enrollmentTo())
                .bind("capacity", c.capacity())
                .then()
                .then(replaceInstructors(c.id(), c.instructorIds()))
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<Void> replaceInstructors(UUID cohortId, Set<String> instructorIds) {
        return db.sql("DELETE FROM cohort_instructor WHERE cohort_id = :id").bind("id", cohortId).then()
                .then(instructorIds.isEmpty() ? Mono.empty()
                        : db.sql("INSERT INTO cohort_instructor (cohort_id, instructor_id) SELECT :id, unnest(CAST(:ids AS text[]))")
                        .bind("id", cohortId).bind("ids", instructorIds.toArray(String[]::new)).then());
    }

    public static Cohort read(Readable row) {
        String[] instructors = row.get("instructors", String[].class);
        return new Cohort(row.get("id", UUID.class), row.get("course_id", UUID.class), row.get("name", String.class),
                row.get("study_from", LocalDate.class), row.get("study_to", LocalDate.class),
                row.get("enrollment_from", LocalDate.class), row.get("enrollment_to", LocalDate.class),
                row.get("capacity", Integer.class), Set.copyOf(Arrays.asList(instructors == null ? new String[0] : instructors)));
    }

}
