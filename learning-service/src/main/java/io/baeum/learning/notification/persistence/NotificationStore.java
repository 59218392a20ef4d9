package io.baeum.learning.notification.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.learning.notification.domain.Channel;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/**
 * The send log; the trigger poller's reads of learning's own outbox (rows by type and creation time, through
 * {@code outbox_event_type_created_idx}); the facts a template needs about an enrollment; the deadline sweep's query.
 */
@Repository
public class NotificationStore {

    public static final Map<String, String> SORTS = Map.of("createdAt", "s.created_at", "status", "s.status",
            "template", "s.template");

    private final DatabaseClient db;

    NotificationStore(DatabaseClient db) {
        this.db = db;
    }

    /** A row of the send log. */
    public record Send(UUID id, String triggerKey, String accountId, Channel channel, String template, @Nullable String address,
                       String status, int attempts, @Nullable String error, Instant createdAt, @Nullable Instant finishedAt) {
    }

    /** A domain event of learning read from the outbox. */
    public record OutboxTrigger(String type, @Nullable String subject, String dataJson, Instant createdAt) {
    }

    /** What templates say about an enrollment. */
    public record EnrollmentFacts(UUID enrollmentId, String accountId, String courseTitle, String cohortName, LocalDate studyFrom,
                                  LocalDate studyTo, BigDecimal progressPercent) {
    }

    /** Claims the send for (trigger, account, channel); emits its id, or nothing when it was claimed before. */
    public Mono<UUID> claim(String triggerKey, String accountId, Channel channel, String template, @Nullable String address, Instant at) {
        return db.sql("INSERT INTO notification_send (id, trigger_key, account_id, channel, template, address, status, created_at) "
                        + "VALUES (:id, :key, :account, :channel, :template, :address, 'PENDING', :at) "
                        + "ON CONFLICT (trigger_key, account_id, channel) DO NOTHING RETURNING id")
                .bind("id", UUID.randomUUID()).bind("key", triggerKey).bind("account", accountId).bind("channel", channel.name())
                .bind("template", template).bind("address", Parameter.fromOrEmpty(address, String.class))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> row.get("id", UUID.class)).one();
    }

    public Mono<Void> finish(UUID id, String status, int attempts, @Nullable String error, Instant at) {
        return db.sql("UPDATE notification_send SET status = :status, attempts = :attempts, error = :error, finished_at = :at WHERE id = :id")
                .bind("id", id).bind("status", status).bind("attempts", attempts)
                .bind("error", Parameter.fromOrEmpty(error, String.class)).bind("at", at.atOffset(ZoneOffset.UTC)).then();
    }

    public Mono<Page<Send>> sends(@Nullable String accountId, @Nullable String status, @Nullable String template, PageRequest page) {
        String where = " FROM notification_send s WHERE (CAST(:account AS text) IS NULL OR s.account_id = :account) "
                + "AND (CAST(:status AS text) IS NULL OR s.status = :status) AND (CAST(:template AS text) IS NULL OR s.template = :template)";
        Parameter a = Parameter.fromOrEmpty(accountId, String.class);
        Parameter st = Parameter.fromOrEmpty(status, String.class);
        Parameter t = Parameter.fromOrEmpty(template, String.class);
        var items = db.sql("SELECT s.*" + where + " ORDER BY " + page.orderBy("s.id") + " LIMIT " + page.size() + " OFFSET " + page.offset())
                .bind("account", a).bind("status", st).bind("template", t);
        var count = db.sql("SELECT count(*) AS total" + where).bind("account", a).bind("status", st).bind("template", t);
        return Mono.zip(items.map((row, meta) -> send(row)).all().collectList(),
                count.map((row, meta) -> row.get("total", Long.class)).one()).map(x -> new Page<>(x.getT1(), x.getT2()));
    }

    public Mono<Instant> outboxReadTo() {
        return db.sql("SELECT CASE WHEN read_to = '-infinity' THEN NULL ELSE read_to END AS t FROM notification_outbox_cursor WHERE id = 1")
                .map((row, meta) -> {
                    OffsetDateTime t = row.get("t", OffsetDateTime.class);
                    return t == null ? Instant.EPOCH : t.toInstant();
                }).one();
    }

    public Mono<Void> advanceOutbox(Instant to) {
        return db.sql("UPDATE notification_outbox_cursor SET read_to = GREATEST(read_to, :to) WHERE id = 1")
                .bind("to", to.atOffset(ZoneOffset.UTC)).then();
    }

    /** Outbox rows of the given types created after {@code from}, oldest first (every queue's copy of an event). */
    public Flux<OutboxTrigger> outboxTriggers(Instant from, Collection<String> types, int limit) {
        return db.sql("SELECT type, payload->>'subject' AS subject, (payload->'data')::text AS data, created_at FROM outbox_event "
                        + "WHERE type = ANY(:types) AND created_at > :from ORDER BY created_at, id LIMIT :limit")
                .bind("types", types.toArray(String[]::new)).bind("from", from.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map((row, meta) -> new OutboxTrigger(row.get("type", String.class), row.get("subject", String.class),
                        row.get("data", String.class), row.get("created_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    private static final String FACTS = "SELECT e.id, e.account_id, e.progress_percent, c.title, co.name, co.study_from, co.study_to "
            + "FROM enrollment e JOIN cohort co ON co.id = e.cohort_id JOIN course c ON c.id = e.course_id ";

    public Mono<EnrollmentFacts> facts(UUID enrollmentId) {
        return db.sql(FACTS + "WHERE e.id = :id").bind("id", enrollmentId).map((row, meta) -> facts(row)).one();
    }

    /** ACTIVE enrollments whose study period ends in [from, to] with progress below the threshold. */
    public Flux<EnrollmentFacts> endingSoon(LocalDate from, LocalDate to, int progressBelow) {
        return db.sql(FACTS + "WHERE e.status = 'ACTIVE' AND co.study_to BETWEEN :from AND :to AND e.progress_percent < :below")
                .bind("from", from).bind("to", to).bind("below", BigDecimal.valueOf(progressBelow))
                .map((row, meta) -> facts(row)).all();
    }

    private static EnrollmentFacts facts(Readable row) {
        return new EnrollmentFacts(row.get("id", UUID.class), row.get("account_id", String.class), row.get("title", String.class),
                row.get("name", String.class), row.get("study_from", LocalDate.class), row.get("study_to", LocalDate.class),
                row.get("progress_percent", BigDecimal.class));
    }

    private static Send send(Readable row) {
        OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
        return new Send(row.get("id", UUID.class), row.get("trigger_key", String.class), row.get("account_id", String.class),
                Channel.valueOf(row.get("channel", String.class)), row.get("template", String.class), row.get("address", String.class),
                row.get("status", String.class), row.get("attempts", Integer.class), row.get("error", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
    }
}
