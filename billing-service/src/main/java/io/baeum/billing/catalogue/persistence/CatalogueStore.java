package io.baeum.billing.catalogue.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import io.baeum.billing.catalogue.domain.CatalogueCohort;

/** The {@code catalogue_cohort} and {@code lesson_opened} tables: learning's facts as billing keeps them. */
@Repository
public class CatalogueStore {

    private final DatabaseClient db;

    CatalogueStore(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts or replaces the copy unless a newer event already wrote it; emits whether it changed. */
    public Mono<Boolean> upsert(CatalogueCohort c) {
        var spec = db.sql("""
                INSERT INTO catalogue_cohort (cohort_id, course_id, course_title, training_type, delivery, price, currency,
                    sellable, study_from, study_to, lesson_count, session_count, source_time, updated_at)
                VALUES (:cohort, :course, :title, :type, :delivery, :price, :currency, :sellable, :from, :to, :lessons,
                    :sessions, :time, now())
                ON CONFLICT (cohort_id) DO UPDATE SET course_id = excluded.course_id, course_title = excluded.course_title,
                    training_type = excluded.training_type, delivery = excluded.delivery, price = excluded.price,
                    currency = excluded.currency, sellable = excluded.sellable, study_from = excluded.study_from,
                    study_to = excluded.study_to, lesson_count = excluded.lesson_count,
                    session_count = excluded.session_count, source_time = excluded.source_time, updated_at = now()
                WHERE catalogue_cohort.source_time <= excluded.source_time""")
                .bind("cohort", c.cohortId()).bind("course", c.courseId()).bind("title", c.courseTitle())
                .bind("type", c.trainingType()).bind("delivery", c.delivery().name()).bind("price", c.price())
                .bind("currency", c.currency()).bind("sellable", c.sellable()).bind("from", c.studyFrom())
                .bind("to", c.studyTo()).bind("lessons", c.lessonCount()).bind("time", c.sourceTime());
        spec = c.sessionCount() == null ? spec.bindNull("sessions", Integer.class) : spec.bind("sessions", c.sessionCount());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Marks a cohort as no longer sold (kept for orders and refunds), unless a newer event wrote it. */
    public Mono<Boolean> withdraw(UUID cohortId, Instant time) {
        return db.sql("UPDATE catalogue_cohort SET sellable = false, source_time = :time, updated_at = now() "
                        + "WHERE cohort_id = :cohort AND source_time <= :time")
                .bind("cohort", cohortId).bind("time", time)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<CatalogueCohort> find(UUID cohortId) {
        return db.sql("SELECT * FROM catalogue_cohort WHERE cohort_id = :id").bind("id", cohortId)
                .map(CatalogueStore::cohort).one();
    }

    /** Records that the trainee opened a lesson (idempotent). */
    public Mono<Void> lessonOpened(String accountId, UUID cohortId, UUID lessonId, Instant openedAt) {
        return db.sql("INSERT INTO lesson_opened (account_id, cohort_id, lesson_id, opened_at) "
                        + "VALUES (:account, :cohort, :lesson, :at) ON CONFLICT DO NOTHING")
                .bind("account", accountId).bind("cohort", cohortId).bind("lesson", lessonId).bind("at", openedAt)
                .then();
    }

    /** Lessons of the cohort the trainee opened before {@code until}. */
    public Mono<Integer> lessonsOpened(String accountId, UUID cohortId, Instant until) {
        return db.sql("SELECT count(*) AS n FROM lesson_opened WHERE account_id = :account AND cohort_id = :cohort "
                        + "AND opened_at < :until")
                .bind("account", accountId).bind("cohort", cohortId).bind("until", until)
                .map(row -> row.get("n", Long.class)).one().map(Long::intValue);
    }

    public static CatalogueCohort cohort(Readable row) {
        return new CatalogueCohort(row.get("cohort_id", UUID.class), row.get("course_id", UUID.class),
                row.get("course_title", String.class), row.get("training_type", String.class),
                CatalogueCohort.Delivery.valueOf(row.get("delivery", String.class)), row.get("price", Long.class),
                row.get("currency", String.class), Boolean.TRUE.equals(row.get("sellable", Boolean.class)),
                row.get("study_from", LocalDate.class), row.get("study_to", LocalDate.class),
                row.get("lesson_count", Integer.class), row.get("session_count", Integer.class),
                row.get("source_time", Instant.class));
    }
}
