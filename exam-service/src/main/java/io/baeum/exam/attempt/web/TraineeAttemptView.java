package io.baeum.exam.attempt.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.exam.assignment.persistence.FileStore;
import io.baeum.exam.attempt.Attempts;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.attempt.domain.AttemptStatus;
import io.baeum.exam.attempt.persistence.AttemptStore;
import io.baeum.exam.bank.domain.Item;
import io.baeum.exam.bank.domain.ItemType;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.grading.persistence.GradeStore;

/**
 * An attempt as its trainee sees it. E4: answer keys, explanations, points per item and the result
 * appear only once the attempt is graded; before that the items carry the question and the trainee's
 * own saved answer, nothing else.
 */
record TraineeAttemptView(UUID id, UUID evaluationId, String title, EvaluationKind kind, int attemptNo, AttemptStatus status, Instant startedAt,
                          Instant deadline, Instant serverTime, @Nullable Instant submittedAt, boolean autoSubmitted, @Nullable Boolean onTime,
                          List<Question> items, @Nullable SavedAnswer text, List<FileView> files, @Nullable Result result) {

    record SavedAnswer(List<Integer> choices, @Nullable String text, long seq, Instant savedAt) {
        static @Nullable SavedAnswer of(AttemptStore.@Nullable SavedAnswer saved) {
            return saved == null ? null : new SavedAnswer(saved.response().choices(), saved.response().text(), saved.seq(), saved.savedAt());
        }
    }

    record Question(UUID itemId, int position, ItemType type, String stem, List<String> choices, int points, @Nullable SavedAnswer answer,
                    @Nullable Marking marking) {
    }

    /** Shown after grading only. */
    record Marking(BigDecimal points, @Nullable String feedback, List<Integer> correctChoices, List<String> acceptedAnswers,
                   @Nullable String explanation) {
    }

    record Result(BigDecimal score, boolean passed, @Nullable String reason, @Nullable BigDecimal assignmentPoints, @Nullable String feedback) {
    }

    record FileView(UUID id, String fileName, long size, String sha256, Instant uploadedAt) {
        static FileView of(FileStore.SubmittedFile f) {
            return new FileView(f.id(), f.fileName(), f.size(), f.sha256(), f.uploadedAt());
        }
    }

    static TraineeAttemptView of(Attempts.Sheet sheet) {
        Attempt a = sheet.attempt();
        boolean graded = a.status() == AttemptStatus.GRADED;
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < sheet.items().size(); i++) {
            Item item = sheet.items().get(i);
            Marking marking = null;
            if (graded) {
                GradeStore.Grade grade = grade(sheet, item.id());
                marking = new Marking(grade == null ? BigDecimal.ZERO : grade.points(), grade == null ? null : grade.feedback(),
                        item.content().key().choices().stream().sorted().toList(), item.content().key().accepted(), item.content().explanation());
            }
            questions.add(new Question(item.id(), i + 1, item.content().type(), item.content().stem(), item.content().choices(),
                    item.content().points(), SavedAnswer.of(sheet.answers().get(item.id())), marking));
        }
        Result result = null;
        if (graded) {
            GradeStore.Grade whole = grade(sheet, a.id());
            result = new Result(a.score(), Boolean.TRUE.equals(a.passed()), a.scoreReason(), whole == null ? null : whole.points(),
                    whole == null ? null : whole.feedback());
        }
        return new TraineeAttemptView(a.id(), a.evaluationId(), sheet.evaluation().title(), sheet.evaluation().kind(), a.attemptNo(), a.status(),
                a.startedAt(), a.deadline(), sheet.serverTime(), a.submittedAt(), a.autoSubmitted(), a.onTime(), questions,
                SavedAnswer.of(sheet.answers().get(a.id())), sheet.files().stream().map(FileView::of).toList(), result);
    }

    private static GradeStore.@Nullable Grade grade(Attempts.Sheet sheet, UUID part) {
        return sheet.grades().stream().filter(g -> g.partId().equals(part)).findFirst().orElse(null);
    }
}
