package io.baeum.learning.report.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The non-chained facts of an enrollment, as read from their tables, that join the chained evidence. */
public final class ReportFacts {

    private ReportFacts() {
    }

    /** A cue-quiz attempt (cue_quiz_attempt), right or wrong. */
    public record CueAttempt(Instant at, String lessonTitle, String question, int chosenOption, boolean correct) {
    }

    /** An exam or assignment result (evaluation_result). */
    public record Result(Instant gradedAt, @Nullable Instant submittedAt, String kind, int attemptNo, BigDecimal score,
                         int passScore, boolean passed, boolean onTime, boolean autoSubmitted, int revision, @Nullable String reason) {
    }

    /** The completion decision (completion) with each criterion, its value and threshold. */
    public record Decision(Instant decidedAt, String outcome, BigDecimal progressPercent, BigDecimal totalScore,
                           List<Criterion> criteria, int decisionNo) {
        public Decision {
            criteria = List.copyOf(criteria);
        }
    }

    /** One criterion of a decision as stored: values as text (numbers or flags). */
    public record Criterion(String criterion, String value, String threshold, boolean met) {
    }

    /** The certificate and its issues. */
    public record Certificate(String number, Instant issuedAt, @Nullable Instant revokedAt, @Nullable String revokedReason,
                              List<Issue> issues) {
        public Certificate {
            issues = List.copyOf(issues);
        }
    }

    public record Issue(int issueNo, String form, Instant issuedAt, String issuedBy) {
    }
}
