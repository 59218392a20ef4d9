package io.baeum.learning.report.render;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.baeum.learning.report.domain.ChainVerification;
import io.baeum.learning.report.domain.EvidenceReport;

/** The report's words, shared by the HTML and the PDF so that both say the same. */
final class ReportText {

    static final String TITLE = "훈련 증거 보고서";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<EvidenceReport.Category, String> CATEGORIES = Map.of(
            EvidenceReport.Category.SESSION, "학습 세션", EvidenceReport.Category.REFUSAL, "불인정",
            EvidenceReport.Category.IDENTITY, "본인확인", EvidenceReport.Category.CUE_QUIZ, "학습 중 문제",
            EvidenceReport.Category.CREDIT, "진도 인정", EvidenceReport.Category.EVALUATION, "평가",
            EvidenceReport.Category.COMPLETION, "수료 판정", EvidenceReport.Category.CERTIFICATE, "수료증");
    private static final Map<ChainVerification.Problem, String> PROBLEMS = Map.of(
            ChainVerification.Problem.HASH_MISMATCH, "기록 내용이 해시와 다름(수정됨)",
            ChainVerification.Problem.LINK_MISMATCH, "이전 기록과의 연결이 끊김(교체·순서 변경)",
            ChainVerification.Problem.MISSING_ROW, "순번 누락(삭제됨)",
            ChainVerification.Problem.HEAD_MISMATCH, "체인 머리와 불일치(끝부분 삭제 또는 위조 추가)");

    private final ZoneId zone;

    ReportText(ZoneId zone) {
        this.zone = zone;
    }

    String time(@Nullable Instant at) {
        return at == null ? "-" : TIME.format(at.atZone(zone));
    }

    static String category(EvidenceReport.Category category) {
        return CATEGORIES.get(category);
    }

    static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + "%";
    }

    /** Label and value of each line of the header. */
    List<String[]> header(EvidenceReport report) {
        EvidenceReport.Header h = report.header();
        return List.of(
                new String[] {"훈련생(계정)", h.accountId()},
                new String[] {"과정", h.courseTitle()},
                new String[] {"회차", h.cohortName()},
                new String[] {"훈련 유형", h.trainingType()},
                new String[] {"학습 기간", h.studyFrom() + " ~ " + h.studyTo()},
                new String[] {"수강 상태", h.status()},
                new String[] {"진도율", percent(h.progressPercent()) + " (이수 " + h.completedLessons() + " / " + h.totalLessons() + " 차시)"},
                new String[] {"수강 ID", h.enrollmentId().toString()},
                new String[] {"작성 일시", time(report.generatedAt()) + " (" + zone.getId() + ")"});
    }

    static String verdict(ChainVerification chain) {
        if (chain.valid()) {
            return "증거 체인 검증: 정상 — 기록 " + chain.rows() + "건의 해시 연결이 모두 일치합니다.";
        }
        return "증거 체인 검증: 훼손 — 첫 손상 순번 " + chain.firstBrokenSeq() + ", "
                + PROBLEMS.getOrDefault(java.util.Objects.requireNonNull(chain.problem()), String.valueOf(chain.problem()))
                + " (기록 " + chain.rows() + "건)";
    }

    static String lesson(EvidenceReport.LessonLine l) {
        return (l.subjectPosition() + 1) + "-" + (l.position() + 1) + " " + l.title() + " · 시청 " + l.watchedSeconds() + "초"
                + (l.durationSeconds() == null ? "" : " / " + l.durationSeconds() + "초") + " · 진도 " + l.percent() + "% · "
                + (l.completed() ? "이수" : "미이수");
    }
}
