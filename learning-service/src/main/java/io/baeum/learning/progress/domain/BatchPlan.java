package io.baeum.learning.progress.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.contract.progress.ProgressEventKind.ChallengeResolved;
import io.baeum.contract.progress.ProgressEventKind.CreditRefused;
import io.baeum.contract.progress.ProgressEventKind.SessionEnded;
import io.baeum.contract.progress.ProgressEventKind.SessionStarted;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;

/**
 * What a batch of new (not yet applied) progress events changes, folded per (enrollment, lesson) with
 * operations that commute: the union of watched seconds, the sum of credited study time (each event
 * counted once, which the inbox guarantees), the resume position of the latest event (by occurred-at,
 * then event id), and the study days. Refusals, challenge outcomes and session starts/ends become
 * evidence items, in occurred-at order.
 */
public final class BatchPlan {

    /** An (enrollment, lesson) pair. */
    public record Key(UUID enrollmentId, UUID lessonId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byEnrollment = enrollmentId.compareTo(other.enrollmentId);
            return byEnrollment != 0 ? byEnrollment : lessonId.compareTo(other.lessonId);
        }
    }

    /** The change to one lesson's progress. */
    public record LessonDelta(Key key, WatchedSeconds watched, long studyMillis, int resumeSecond, long resumeAtMs,
                              UUID resumeEventId) {
    }

    /** One day a trainee studied a lesson (the daily cap counts distinct lessons per day). */
    public record StudyDay(String accountId, LocalDate day, UUID lessonId, UUID enrollmentId) {
    }

    /** One evidence row to append. */
    public record EvidenceItem(UUID enrollmentId, UUID eventId, UUID lessonId, String accountId, String sessionId,
                               String kind, long occurredAtMs, Map<String, Object> detail) {
    }

    private static final UUID NO_EVENT = new UUID(0, 0);

    private final List<LessonDelta> deltas;
    private final List<StudyDay> studyDays;
    private final List<EvidenceItem> evidence;

    private BatchPlan(List<LessonDelta> deltas, List<StudyDay> studyDays, List<EvidenceItem> evidence) {
        this.deltas = deltas;
        this.studyDays = studyDays;
        this.evidence = evidence;
    }

    /**
     * @param events events of known enrollments and lessons, each new (the inbox filtered duplicates)
     * @param zone   the zone of study days
     */
    public static BatchPlan of(List<Resolved> events, ZoneId zone) {
        Map<Key, Builder> byKey = new TreeMap<>();
        Set<StudyDay> days = new HashSet<>();
        List<EvidenceItem> evidence = new ArrayList<>();
        for (Resolved resolved : events) {
            ProgressEvent event = resolved.event();
            Key key = new Key(resolved.enrollmentId(), resolved.lessonId());
            ProgressEventKind kind = event.kind();
            switch (kind) {
                case WatchCredited w -> {
                    Builder b = byKey.computeIfAbsent(key, Builder::new);
                    b.watched = b.watched.with(w.fromSecond(), w.toSecond());
                    b.studyMillis += w.creditedMillis();
                    b.position(w.positionSecond(), event);
                    days.add(new StudyDay(event.accountId(), LocalDate.ofInstant(Instant.ofEpochMilli(event.occurredAtEpochMs()), zone),
                            resolved.lessonId(), resolved.enrollmentId()));
                }
                case SessionEnded s -> {
                    byKey.computeIfAbsent(key, Builder::new).position(s.positionSecond(), event);
                    evidence.add(item(resolved, "SESSION_ENDED", Map.of("reason", s.reason(), "position", s.positionSecond())));
                }
                case CreditRefused r -> evidence.add(item(resolved, "CREDIT_REFUSED",
                        Map.of("reason", r.reasonCode(), "position", r.positionSecond(), "refusedMillis", r.refusedMillis())));
                case ChallengeResolved c -> evidence.add(item(resolved, "CHALLENGE_RESOLVED",
                        Map.of("challengeId", c.challengeId(), "kind", c.kind().name(), "outcome", c.outcome().name())));
                case SessionStarted s -> {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("clientIp", s.clientIp());
                    detail.put("deviceHash", java.util.HexFormat.of().formatHex(s.deviceFingerprintHash()));
                    detail.put("userAgent", s.userAgent() == null ? "" : s.userAgent());
                    evidence.add(item(resolved, "SESSION_STARTED", detail));
                }
            }
        }
        evidence.sort(Comparator.comparing(EvidenceItem::enrollmentId).thenComparingLong(EvidenceItem::occurredAtMs)
                .thenComparing(EvidenceItem::eventId));
        List<StudyDay> sortedDays = new ArrayList<>(days);
        sortedDays.sort(Comparator.comparing(StudyDay::accountId).thenComparing(StudyDay::day).thenComparing(StudyDay::lessonId));
        return new BatchPlan(byKey.values().stream().map(Builder::build).toList(), sortedDays, evidence);
    }

    private static EvidenceItem item(Resolved resolved, String kind, Map<String, Object> detail) {
        ProgressEvent e = resolved.event();
        return new EvidenceItem(resolved.enrollmentId(), e.eventId(), resolved.lessonId(), e.accountId(), e.playbackSessionId(),
                kind, e.occurredAtEpochMs(), detail);
    }

    /** An event whose enrollment and lesson ids were checked against the database. */
    public record Resolved(ProgressEvent event, UUID enrollmentId, UUID lessonId) {
    }

    public List<LessonDelta> deltas() {
        return deltas;
    }

    public List<StudyDay> studyDays() {
        return studyDays;
    }

    public List<EvidenceItem> evidence() {
        return evidence;
    }

    private static final class Builder {
        private final Key key;
        private WatchedSeconds watched = WatchedSeconds.none();
        private long studyMillis;
        private int resumeSecond;
        private long resumeAtMs = -1;
        private UUID resumeEventId = NO_EVENT;

        Builder(Key key) {
            this.key = key;
        }

        void position(int second, ProgressEvent event) {
            if (event.occurredAtEpochMs() > resumeAtMs
                    || (event.occurredAtEpochMs() == resumeAtMs && event.eventId().compareTo(resumeEventId) > 0)) {
                resumeSecond = second;
                resumeAtMs = event.occurredAtEpochMs();
                resumeEventId = event.eventId();
            }
        }

        LessonDelta build() {
            return new LessonDelta(key, watched, studyMillis, resumeSecond, resumeAtMs, resumeEventId);
        }
    }
}
