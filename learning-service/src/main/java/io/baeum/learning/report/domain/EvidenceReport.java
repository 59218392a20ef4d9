package io.baeum.learning.report.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The evidence report of one trainee's course (one enrollment): who and what, the verdict on the hash chain,
 * progress per lesson and every recorded fact in time order.
 */
public record EvidenceReport(Header header, ChainVerification chain, List<LessonLine> lessons, List<Entry> entries,
                             Instant generatedAt) {

    public EvidenceReport {
        lessons = List.copyOf(lessons);
        entries = List.copyOf(entries);
    }

    /** The enrollment: trainee (account id; the name is auth-service's), course, cohort, period, progress. */
    public record Header(UUID enrollmentId, String accountId, UUID courseId, String courseTitle, UUID cohortId, String cohortName,
                         String trainingType, LocalDate studyFrom, LocalDate studyTo, String status, BigDecimal progressPercent,
                         int completedLessons, int totalLessons) {
    }

    /** A lesson's credited study: watched seconds (coverage), study time, completion. */
    public record LessonLine(UUID lessonId, String title, int subjectPosition, int position, @Nullable Integer durationSeconds,
                             int watchedSeconds, long studyMillis, int percent, boolean completed, @Nullable Instant completedAt) {
    }

    /** What kind of fact an entry records. */
    public enum Category {
        /** a study session started or ended */
        SESSION,
        /** study time not credited, with the reason */
        REFUSAL,
        /** an identity or presence check (본인확인, 출석 코드) */
        IDENTITY,
        /** an in-video quiz answer */
        CUE_QUIZ,
        /** a lesson credited as complete (차시 이수) */
        CREDIT,
        /** an exam or assignment result from exam-service */
        EVALUATION,
        /** the completion decision (수료 판정) */
        COMPLETION,
        /** a certificate issue, re-issue or revocation */
        CERTIFICATE
    }

    /**
     * One fact.
     *
     * @param seq      its seq in the hash chain when it is chained evidence; null for the other tables
     * @param title    what happened (Korean)
     * @param detail   with what values (Korean labels)
     * @param refusal  whether it counts against the trainee (a refusal, a failed check, a wrong answer, a fail)
     */
    public record Entry(Instant at, Category category, String title, String detail, @Nullable Long seq, boolean refusal) {
    }
}
