package io.baeum.exam.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything exam-service reads from configuration ({@code baeum.exam.*}). The HRD defaults here are
 * the policy a new evaluation starts from; each evaluation stores its own copy (policy as data).
 *
 * @param zone        the zone of study periods and re-exam windows (Asia/Seoul)
 * @param attempts    server-time attempts and the sweep
 * @param policy      default opening, step-up and re-exam rules of new evaluations
 * @param events      the exam-events consumer and the learning-events destination
 * @param uploads     question-bank sheets and assignment files
 * @param similarity  copied-answer thresholds
 */
@Validated
@ConfigurationProperties("baeum.exam")
public record ExamProperties(
        @DefaultValue("Asia/Seoul") @NotNull ZoneId zone,
        @DefaultValue @Valid Attempts attempts,
        @DefaultValue @Valid Policy policy,
        @DefaultValue @Valid Events events,
        @DefaultValue @Valid Uploads uploads,
        @DefaultValue @Valid Similarity similarity) {

    /**
     * @param saveGrace        answers arriving this long after the deadline are still accepted (in flight when it passed)
     * @param sweepInterval    how often overdue attempts are submitted
     * @param sweepBatch       attempts submitted per sweep pass
     * @param sweepEnabled     whether this instance sweeps (all may: rows are locked per pass)
     */
    public record Attempts(
            @DefaultValue("5s") @NotNull Duration saveGrace,
            @DefaultValue("5s") @NotNull Duration sweepInterval,
            @DefaultValue("100") @Min(1) @Max(1000) int sweepBatch,
            @DefaultValue("true") boolean sweepEnabled) {
    }

    /**
     * @param finalExamProgress     course progress (%) that opens the final exam
     * @param stageLessonProgress   progress (%) of the previous lesson that opens a stage evaluation
     * @param finalTimeLimit        time limit of a final exam
     * @param passScore             pass mark out of 100
     * @param stepUpMaxAge          how old {@code idv_at} may be when a final exam starts or an assignment is submitted
     * @param reexamFromDays        re-exam window start: study end date + this many days
     * @param reexamToDays          re-exam window end (inclusive)
     * @param requireEnrollment     whether starting needs an active enrollment copied from learning's events
     */
    public record Policy(
            @DefaultValue("80") @Min(0) @Max(100) int finalExamProgress,
            @DefaultValue("50") @Min(0) @Max(100) int stageLessonProgress,
            @DefaultValue("60m") @NotNull Duration finalTimeLimit,
            @DefaultValue("60") @Min(0) @Max(100) int passScore,
            @DefaultValue("30m") @NotNull Duration stepUpMaxAge,
            @DefaultValue("1") @Min(0) int reexamFromDays,
            @DefaultValue("7") @Min(0) int reexamToDays,
            @DefaultValue("true") boolean requireEnrollment) {
    }

    /**
     * @param queue           the queue learning-service sends enrollment and progress events to
     * @param deadLetterQueue where malformed events go, with their reason
     * @param resultsQueue    where exam results go (learning-service's queue)
     */
    public record Events(
            @DefaultValue("exam-events") @NotBlank String queue,
            @DefaultValue("exam-events-dlq") @NotBlank String deadLetterQueue,
            @DefaultValue("learning-events") @NotBlank String resultsQueue) {
    }

    /**
     * @param maxSheetBytes     largest accepted question sheet
     * @param maxSheetRows      most item rows in one sheet
     * @param maxFileBytes      largest assignment file
     * @param maxFilesPerAttempt most files in one submission
     * @param fileTypes         accepted assignment file extensions (lower case)
     * @param storageDirectory  where the local storage adapter keeps files
     */
    public record Uploads(
            @DefaultValue("5242880") @Min(1024) long maxSheetBytes,
            @DefaultValue("2000") @Min(1) int maxSheetRows,
            @DefaultValue("10485760") @Min(1) long maxFileBytes,
            @DefaultValue("5") @Min(1) int maxFilesPerAttempt,
            @DefaultValue({"pdf", "hwp", "hwpx", "docx", "xlsx", "pptx", "txt", "zip", "png", "jpg"}) @NotEmpty List<String> fileTypes,
            @DefaultValue("var/exam-files") @NotNull Path storageDirectory) {
    }

    /**
     * @param textThreshold       Jaccard similarity of shingle sets that flags a pair of texts
     * @param shingleSize         tokens per shingle
     * @param minTokens           texts shorter than this are not compared
     * @param improbableShare     a wrong answer is improbable when at most this share of the cohort chose it
     * @param minCommonWrong      identical improbable wrong answers that flag a pair
     * @param minRatio            Harpp–Hogan ratio (identical wrong answers / differing answers) that flags a pair
     */
    public record Similarity(
            @DefaultValue("0.45") @DecimalMin("0.05") @DecimalMax("1.0") double textThreshold,
            @DefaultValue("2") @Min(1) @Max(5) int shingleSize,
            @DefaultValue("20") @Min(1) int minTokens,
            @DefaultValue("0.25") @DecimalMin("0.0") @DecimalMax("1.0") double improbableShare,
            @DefaultValue("6") @Min(1) int minCommonWrong,
            @DefaultValue("1.0") @DecimalMin("0.0") double minRatio) {
    }
}
