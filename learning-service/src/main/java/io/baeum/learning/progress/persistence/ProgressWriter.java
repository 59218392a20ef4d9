package io.baeum.learning.progress.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.contract.playback.PlaybackGrant.CreditMode;
import io.baeum.learning.policy.PolicySql;
import io.baeum.learning.progress.domain.BatchPlan;
import io.baeum.learning.progress.domain.BatchPlan.Key;
import io.baeum.learning.progress.domain.EvidenceChain;

/**
 * The SQL of the progress consumer. Every statement is multi-row (arrays bound once and
 * {@code unnest}ed), so a batch costs a fixed number of round trips whatever its size. Callers run
 * them in one transaction.
 */
@Repository
public class ProgressWriter {

    public static final String CONSUMER = "learning.progress";

    private final DatabaseClient db;
    private final JsonMapper json;

    ProgressWriter(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records the event ids in the inbox; emits those that were not there yet. */
    public Mono<List<String>> claim(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("INSERT INTO inbox_event (consumer, event_id) SELECT :consumer, unnest(CAST(:ids AS text[])) "
                        + "ON CONFLICT DO NOTHING RETURNING event_id")
                .bind("consumer", CONSUMER).bind("ids", eventIds.toArray(String[]::new))
                .map((row, meta) -> row.get("event_id", String.class)).all().collectList();
    }

    /** What the consumer needs to know about an (enrollment, lesson) pair that exists. */
    public record Target(Key key, String accountId, int durationSeconds, int recognisedSeconds, CreditMode creditMode,
                         int completionPercent) {
    }

    /** The pairs that exist (lesson of the enrollment's course, with a video), with their policy in force. */
    public Mono<Map<Key, Target>> targets(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT e.id AS enrollment_id, l.id AS lesson_id, e.account_id, l.duration_seconds, l.recognised_seconds, "
                        + PolicySql.COLUMNS + " FROM unnest(CAST(:enr AS uuid[]), CAST(:lsn AS uuid[])) AS k(enrollment_id, lesson_id) "
                        + "JOIN enrollment e ON e.id = k.enrollment_id JOIN cohort co ON co.id = e.cohort_id "
                        + "JOIN course c ON c.id = e.course_id "
                        + "JOIN lesson l ON l.id = k.lesson_id AND l.course_id = e.course_id AND l.duration_seconds IS NOT NULL "
                        + PolicySql.IN_FORCE_FOR_COHORT)
                .bind("enr", keys.stream().map(Key::enrollmentId).toArray(UUID[]::new))
                .bind("lsn", keys.stream().map(Key::lessonId).toArray(UUID[]::new))
                .map((row, meta) -> {
                    var policy = PolicySql.read(row);
                    return new Target(new Key(row.get("enrollment_id", UUID.class), row.get("lesson_id", UUID.class)),
                            row.get("account_id", String.class), row.get("duration_seconds", Integer.class),
                            row.get("recognised_seconds", Integer.class), CreditMode.valueOf(policy.creditMode()),
                            policy.lessonCompletionPercent());
                })
                .all()
                .collectMap(Target::key, t -> t, LinkedHashMap::new);
    }

    /** A lesson's merged state after the upsert (row locked until commit). */
    public record Merged(Key key, String watched, long studyMillis, boolean completed) {
    }

    /** Merges the deltas into lesson_progress: set union, sums, latest resume position. */
    public Flux<Merged> merge(List<BatchPlan.LessonDelta> deltas) {
        if (deltas.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("INSERT INTO lesson_progress AS lp (enrollment_id, lesson_id, watched, study_millis, resume_second, "
                        + "resume_at_ms, resume_event_id) "
                        + "SELECT k.e, k.l, CAST(k.b AS bit varying), k.ms, k.pos, k.at, k.ev FROM unnest(CAST(:enr AS uuid[]), "
                        + "CAST(:lsn AS uuid[]), CAST(:bits AS text[]), CAST(:ms AS bigint[]), CAST(:pos AS integer[]), "
                        + "CAST(:at AS bigint[]), CAST(:ev AS uuid[])) AS k(e, l, b, ms, pos, at, ev) ORDER BY k.e, k.l "
                        + "ON CONFLICT (enrollment_id, lesson_id) DO UPDATE SET "
                        + "watched = seconds_union(lp.watched, EXCLUDED.watched), "
                        + "study_millis = lp.study_millis + EXCLUDED.study_millis, "
                        + "resume_second = CASE WHEN (EXCLUDED.resume_at_ms, EXCLUDED.resume_event_id) > (lp.resume_at_ms, "
                        + "  COALESCE(lp.resume_event_id, '00000000-0000-0000-0000-000000000000')) THEN EXCLUDED.resume_second ELSE lp.resume_second END, "
                        + "resume_event_id = CASE WHEN (EXCLUDED.resume_at_ms, EXCLUDED.resume_event_id) > (lp.resume_at_ms, "
                        + "  COALESCE(lp.resume_event_id, '00000000-0000-0000-0000-000000000000')) THEN EXCLUDED.resume_event_id ELSE lp.resume_event_id END, "
                        + "resume_at_ms = GREATEST(lp.resume_at_ms, EXCLUDED.resume_at_ms), "
                        + "updated_at = now() "
                        + "RETURNING lp.enrollment_id, lp.lesson_id, lp.watched::text AS watched, lp.study_millis, lp.completed")
                .bind("enr", deltas.stream().map(d -> d.key().enrollmentId()).toArray(UUID[]::new))
                .bind("lsn", deltas.stream().map(d -> d.key().lessonId()).toArray(UUID[]::new))
                .bind("bits", deltas.stream().map(d -> d.watched().toBitString()).toArray(String[]::new))
                .bind("ms", deltas.stream().map(BatchPlan.LessonDelta::studyMillis).toArray(Long[]::new))
                .bind("pos", deltas.stream().map(BatchPlan.LessonDelta::resumeSecond).toArray(Integer[]::new))
                .bind("at", deltas.stream().map(BatchPlan.LessonDelta::resumeAtMs).toArray(Long[]::new))
                .bind("ev", deltas.stream().map(BatchPlan.LessonDelta::resumeEventId).toArray(UUID[]::new))
                .map((row, meta) -> new Merged(new Key(row.get("enrollment_id", UUID.class), row.get("lesson_id", UUID.class)),
                        row.get("watched", String.class), row.get("study_millis", Long.class), row.get("completed", Boolean.class)))
                .all();
    }

    /** The evaluated state of one lesson. */
    public record Evaluated(Key key, int watchedSeconds, int furthestSecond, int percent, boolean completed) {
    }

    /** Stores counts, percent and completion (completion is never undone; its time is the first time it was met). */
    public Mono<Void> evaluate(List<Evaluated> lessons) {
        if (lessons.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE lesson_progress lp SET watched_seconds = k.w, furthest_second = k.f, percent = GREATEST(lp.percent, k.p), "
                        + "completed = lp.completed OR k.c, completed_at = CASE WHEN lp.completed THEN lp.completed_at "
                        + "WHEN k.c THEN now() ELSE NULL END "
                        + "FROM unnest(CAST(:enr AS uuid[]), CAST(:lsn AS uuid[]), CAST(:w AS integer[]), CAST(:f AS integer[]), "
                        + "CAST(:p AS integer[]), CAST(:c AS boolean[])) AS k(e, l, w, f, p, c) "
                        + "WHERE lp.enrollment_id = k.e AND lp.lesson_id = k.l")
                .bind("enr", lessons.stream().map(x -> x.key().enrollmentId()).toArray(UUID[]::new))
                .bind("lsn", lessons.stream().map(x -> x.key().lessonId()).toArray(UUID[]::new))
                .bind("w", lessons.stream().map(Evaluated::watchedSeconds).toArray(Integer[]::new))
                .bind("f", lessons.stream().map(Evaluated::furthestSecond).toArray(Integer[]::new))
                .bind("p", lessons.stream().map(Evaluated::percent).toArray(Integer[]::new))
                .bind("c", lessons.stream().map(Evaluated::completed).toArray(Boolean[]::new))
                .then();
    }

    public Mono<Void> studyDays(List<BatchPlan.StudyDay> days) {
        if (days.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO lesson_study_day (account_id, study_day, lesson_id, enrollment_id) "
                        + "SELECT * FROM unnest(CAST(:a AS text[]), CAST(:d AS date[]), CAST(:l AS uuid[]), CAST(:e AS uuid[])) "
                        + "ON CONFLICT DO NOTHING")
                .bind("a", days.stream().map(BatchPlan.StudyDay::accountId).toArray(String[]::new))
                .bind("d", days.stream().map(d -> d.day().toString()).toArray(String[]::new))
                .bind("l", days.stream().map(BatchPlan.StudyDay::lessonId).toArray(UUID[]::new))
                .bind("e", days.stream().map(BatchPlan.StudyDay::enrollmentId).toArray(UUID[]::new))
                .then();
    }

    /** An enrollment's course progress before and after a recomputation. */
    public record CourseProgress(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, BigDecimal before,
                                 BigDecimal after) {
    }

    /** Recomputes course progress (진도율 = completed lessons / lessons of the course) of the enrollments. */
    public Flux<CourseProgress> courseProgress(Collection<UUID> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("UPDATE enrollment e SET completed_lessons = x.done, "
                        + "progress_percent = round(x.done * 100.0 / GREATEST(x.total, 1), 2) "
                        + "FROM (SELECT e2.id, e2.progress_percent AS before, "
                        + "(SELECT count(*) FROM lesson_progress lp WHERE lp.enrollment_id = e2.id AND lp.completed) AS done, "
                        + "(SELECT count(*) FROM lesson l WHERE l.course_id = e2.course_id) AS total "
                        + "FROM enrollment e2 WHERE e2.id = ANY(CAST(:ids AS uuid[])) ORDER BY e2.id) x WHERE e.id = x.id "
                        + "RETURNING e.id, e.cohort_id, e.course_id, e.account_id, x.before, e.progress_percent")
                .bind("ids", enrollmentIds.stream().sorted().toArray(UUID[]::new))
                .map((row, meta) -> new CourseProgress(row.get("id", UUID.class), row.get("cohort_id", UUID.class),
                        row.get("course_id", UUID.class), row.get("account_id", String.class), row.get("before", BigDecimal.class),
                        row.get("progress_percent", BigDecimal.class)))
                .all();
    }

    /** Appends evidence rows, continuing each enrollment's hash chain (heads locked in id order). */
    public Mono<Void> appendEvidence(List<BatchPlan.EvidenceItem> items) {
        if (items.isEmpty()) {
            return Mono.empty();
        }
        UUID[] enrollments = items.stream().map(BatchPlan.EvidenceItem::enrollmentId).distinct().sorted().toArray(UUID[]::new);
        return db.sql("INSERT INTO progress_evidence_head (enrollment_id, seq, hash) SELECT unnest(CAST(:ids AS uuid[])), 0, :genesis "
                        + "ON CONFLICT DO NOTHING")
                .bind("ids", enrollments).bind("genesis", java.nio.ByteBuffer.wrap(EvidenceChain.GENESIS))
                .then()
                .then(db.sql("SELECT enrollment_id, seq, hash FROM progress_evidence_head WHERE enrollment_id = ANY(CAST(:ids AS uuid[])) "
                                + "ORDER BY enrollment_id FOR UPDATE")
                        .bind("ids", enrollments)
                        .map((row, meta) -> new Head(row.get("enrollment_id", UUID.class), row.get("seq", Long.class),
                                bytes(row.get("hash", java.nio.ByteBuffer.class))))
                        .all().collectMap(Head::enrollmentId, h -> h, HashMap::new))
                .flatMap(heads -> insertChained(items, heads));
    }

    private record Head(UUID enrollmentId, long seq, byte[] hash) {
    }

    private Mono<Void> insertChained(List<BatchPlan.EvidenceItem> items, Map<UUID, Head> heads) {
        int n = items.size();
        UUID[] enr = new UUID[n];
        Long[] seq = new Long[n];
        UUID[] ev = new UUID[n];
        UUID[] lsn = new UUID[n];
        String[] acc = new String[n];
        String[] ses = new String[n];
        String[] kind = new String[n];
        Long[] at = new Long[n];
        String[] detail = new String[n];
        String[] prev = new String[n];
        String[] hash = new String[n];
        Map<UUID, Head> current = new HashMap<>(heads);
        List<Head> updated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BatchPlan.EvidenceItem item = items.get(i);
            Head head = current.get(item.enrollmentId());
            long next = head.seq() + 1;
            byte[] h = EvidenceChain.next(head.hash(), EvidenceChain.canonical(next, item));
            enr[i] = item.enrollmentId();
            seq[i] = next;
            ev[i] = item.eventId();
            lsn[i] = item.lessonId();
            acc[i] = item.accountId();
            ses[i] = item.sessionId();
            kind[i] = item.kind();
            at[i] = item.occurredAtMs();
            detail[i] = json.writeValueAsString(item.detail());
            prev[i] = java.util.HexFormat.of().formatHex(head.hash());
            hash[i] = java.util.HexFormat.of().formatHex(h);
            current.put(item.enrollmentId(), new Head(item.enrollmentId(), next, h));
        }
        current.values().stream().sorted(java.util.Comparator.comparing(Head::enrollmentId)).forEach(updated::add);
        return db.sql("INSERT INTO progress_evidence (enrollment_id, seq, event_id, lesson_id, account_id, session_id, kind, "
                        + "occurred_at_ms, detail, prev_hash, hash) SELECT k.e, k.s, k.ev, k.l, k.a, k.ses, k.k, k.at, "
                        + "CAST(k.d AS jsonb), decode(k.p, 'hex'), decode(k.h, 'hex') FROM unnest(CAST(:e AS uuid[]), "
                        + "CAST(:s AS bigint[]), CAST(:ev AS uuid[]), CAST(:l AS uuid[]), CAST(:a AS text[]), CAST(:ses AS text[]), "
                        + "CAST(:k AS text[]), CAST(:at AS bigint[]), CAST(:d AS text[]), CAST(:p AS text[]), CAST(:h AS text[])) "
                        + "AS k(e, s, ev, l, a, ses, k, at, d, p, h)")
                .bind("e", enr).bind("s", seq).bind("ev", ev).bind("l", lsn).bind("a", acc).bind("ses", ses).bind("k", kind)
                .bind("at", at).bind("d", detail).bind("p", prev).bind("h", hash)
                .then()
                .then(db.sql("UPDATE progress_evidence_head h SET seq = k.s, hash = decode(k.h, 'hex') FROM unnest("
                                + "CAST(:e AS uuid[]), CAST(:s AS bigint[]), CAST(:h AS text[])) AS k(e, s, h) WHERE h.enrollment_id = k.e")
                        .bind("e", updated.stream().map(Head::enrollmentId).toArray(UUID[]::new))
                        .bind("s", updated.stream().map(Head::seq).toArray(Long[]::new))
                        .bind("h", updated.stream().map(x -> java.util.HexFormat.of().formatHex(x.hash())).toArray(String[]::new))
                        .then());
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
