package io.baeum.learning.report.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.learning.report.domain.EvidenceReport.Category;
import io.baeum.learning.report.domain.EvidenceReport.Entry;
import io.baeum.learning.report.domain.EvidenceReport.LessonLine;

/** Every fact of an enrollment in time order, worded in Korean for the auditor. */
public final class EvidenceTimeline {

    private static final Map<String, String> REFUSALS = Map.ofEntries(
            Map.entry("NOT_PLAYING", "재생 중 아님"), Map.entry("HIDDEN", "학습 화면이 가려짐(다른 창·탭)"),
            Map.entry("RATE_TOO_HIGH", "허용 배속 초과"), Map.entry("SEEK_AHEAD", "보지 않은 구간으로 건너뛰기"),
            Map.entry("SEEKED", "구간 이동"), Map.entry("GAP", "학습 신호 끊김"), Map.entry("CUE_PENDING", "문제 미응답"),
            Map.entry("IDENTITY_PENDING", "본인확인 미완료"), Map.entry("OUTSIDE_STUDY_PERIOD", "학습 기간 외"),
            Map.entry("DAILY_CAP", "하루 학습 차시 한도 초과"), Map.entry("RECOGNISED_TIME_REACHED", "인정 시간 도달"),
            Map.entry("TOO_FAST", "비정상적으로 빠른 진행"));
    private static final Map<String, String> SESSION_ENDS = Map.of("ENDED", "정상 종료", "CONCURRENT_SESSION", "다른 기기 접속으로 종료",
            "TIMEOUT", "응답 없음으로 종료");
    private static final Map<String, String> CHALLENGES = Map.of("PRESENCE_CODE", "출석 확인 코드", "STEP_UP", "본인확인(재인증)",
            "CUE_QUIZ", "학습 중 문제 확인");
    private static final Map<String, String> OUTCOMES = Map.of("PASSED", "통과", "FAILED", "실패", "EXPIRED", "시간 초과");
    private static final Map<String, String> KINDS = Map.of("STAGE", "진행단계평가", "FINAL", "최종평가", "ASSIGNMENT", "과제");
    private static final Map<String, String> FORMS = Map.of("HRD", "HRD 양식", "FREE", "자유 양식");

    private EvidenceTimeline() {
    }

    public static String kindName(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    public static String outcomeName(@Nullable String outcome) {
        if (outcome == null) {
            return "판정 전";
        }
        return "COMPLETED".equals(outcome) ? "수료" : "FAILED".equals(outcome) ? "미수료" : outcome;
    }

    public static List<Entry> of(List<StoredEvidence> evidence, Map<UUID, String> lessonTitles, List<LessonLine> lessons,
                                 List<ReportFacts.CueAttempt> cues, List<ReportFacts.Result> results,
                                 ReportFacts.@Nullable Decision decision, ReportFacts.@Nullable Certificate certificate) {
        List<Entry> entries = new ArrayList<>();
        for (StoredEvidence row : evidence) {
            entries.add(chained(row, lessonTitles.getOrDefault(row.lessonId(), row.lessonId().toString())));
        }
        for (LessonLine lesson : lessons) {
            if (lesson.completed() && lesson.completedAt() != null) {
                entries.add(new Entry(lesson.completedAt(), Category.CREDIT, "차시 이수",
                        lesson.title() + " · 시청 " + lesson.watchedSeconds() + "초"
                                + (lesson.durationSeconds() == null ? "" : " / " + lesson.durationSeconds() + "초")
                                + " · 학습 시간 " + clock(lesson.studyMillis() / 1000) + " · 진도 " + lesson.percent() + "%", null, false));
            }
        }
        for (ReportFacts.CueAttempt cue : cues) {
            entries.add(new Entry(cue.at(), Category.CUE_QUIZ, cue.correct() ? "학습 중 문제 정답" : "학습 중 문제 오답",
                    cue.lessonTitle() + " · 문항: " + cue.question() + " · 선택 " + (cue.chosenOption() + 1) + "번", null, !cue.correct()));
        }
        for (ReportFacts.Result r : results) {
            String detail = "점수 " + r.score().stripTrailingZeros().toPlainString() + " / 기준 " + r.passScore() + " · "
                    + (r.passed() ? "합격" : "불합격") + " · " + (r.onTime() ? "기한 내 제출" : "기한 초과 제출")
                    + (r.autoSubmitted() ? " · 시간 종료 자동 제출" : "") + (r.revision() > 1 ? " · 재채점 " + r.revision() + "회" : "")
                    + (r.reason() == null || r.reason().isBlank() ? "" : " · 사유: " + r.reason());
            entries.add(new Entry(r.gradedAt(), Category.EVALUATION, kindName(r.kind()) + " 결과 (" + r.attemptNo() + "차 응시)", detail,
                    null, !r.passed() || !r.onTime()));
        }
        if (decision != null) {
            StringBuilder detail = new StringBuilder("진도율 " + decision.progressPercent().stripTrailingZeros().toPlainString()
                    + "% · 총점 " + decision.totalScore().stripTrailingZeros().toPlainString() + " · " + decision.decisionNo() + "번째 판정");
            for (ReportFacts.Criterion c : decision.criteria()) {
                detail.append(" · ").append(c.criterion()).append(' ').append(c.value()).append(" (기준 ").append(c.threshold())
                        .append(", ").append(c.met() ? "충족" : "미충족").append(')');
            }
            entries.add(new Entry(decision.decidedAt(), Category.COMPLETION, "수료 판정: " + outcomeName(decision.outcome()),
                    detail.toString(), null, !"COMPLETED".equals(decision.outcome())));
        }
        if (certificate != null) {
            if (certificate.issues().isEmpty()) {
                entries.add(new Entry(certificate.issuedAt(), Category.CERTIFICATE, "수료증 발급", "번호 " + certificate.number(), null, false));
            }
            for (ReportFacts.Issue issue : certificate.issues()) {
                entries.add(new Entry(issue.issuedAt(), Category.CERTIFICATE, issue.issueNo() == 1 ? "수료증 발급" : "수료증 재발급",
                        "번호 " + certificate.number() + " · " + FORMS.getOrDefault(issue.form(), issue.form()) + " · " + issue.issueNo()
                                + "회차 · 발급자 " + issue.issuedBy(), null, false));
            }
            if (certificate.revokedAt() != null) {
                entries.add(new Entry(certificate.revokedAt(), Category.CERTIFICATE, "수료증 취소", "번호 " + certificate.number()
                        + (certificate.revokedReason() == null ? "" : " · 사유: " + certificate.revokedReason()), null, true));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::category)
                .thenComparing(e -> e.seq() == null ? Long.MAX_VALUE : e.seq()));
        return entries;
    }

    private static Entry chained(StoredEvidence row, String lesson) {
        Instant at = Instant.ofEpochMilli(row.occurredAtMs());
        Map<String, Object> d = row.detail();
        return switch (row.kind()) {
            case "SESSION_STARTED" -> new Entry(at, Category.SESSION, "학습 시작", lesson + " · IP " + d.get("clientIp") + " · 기기 "
                    + shortHash(String.valueOf(d.get("deviceHash"))), row.seq(), false);
            case "SESSION_ENDED" -> new Entry(at, Category.SESSION, "학습 종료", lesson + " · "
                    + named(SESSION_ENDS, d.get("reason")) + " · 위치 " + position(d.get("position")), row.seq(), false);
            case "CREDIT_REFUSED" -> new Entry(at, Category.REFUSAL, "진도 불인정", lesson + " · 사유: " + named(REFUSALS, d.get("reason"))
                    + " · 위치 " + position(d.get("position")) + " · 불인정 " + seconds(d.get("refusedMillis")), row.seq(), true);
            case "CHALLENGE_RESOLVED" -> {
                boolean passed = "PASSED".equals(d.get("outcome"));
                Category category = "CUE_QUIZ".equals(d.get("kind")) ? Category.CUE_QUIZ : Category.IDENTITY;
                String kind = String.valueOf(d.get("kind"));
                yield new Entry(at, category, CHALLENGES.getOrDefault(kind, kind) + " " + OUTCOMES.getOrDefault(String.valueOf(d.get("outcome")),
                        String.valueOf(d.get("outcome"))), lesson, row.seq(), !passed);
            }
            default -> new Entry(at, Category.SESSION, row.kind(), lesson + " · " + new java.util.TreeMap<>(d), row.seq(), false);
        };
    }

    private static String named(Map<String, String> names, @Nullable Object code) {
        String text = String.valueOf(code);
        String name = names.get(text);
        return name == null ? text : name + " (" + text + ")";
    }

    private static String position(@Nullable Object seconds) {
        try {
            return clock(Long.parseLong(String.valueOf(seconds)));
        } catch (NumberFormatException e) {
            return String.valueOf(seconds);
        }
    }

    private static String seconds(@Nullable Object millis) {
        try {
            return (Long.parseLong(String.valueOf(millis)) / 1000) + "초";
        } catch (NumberFormatException e) {
            return String.valueOf(millis);
        }
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    static String clock(long totalSeconds) {
        Duration d = Duration.ofSeconds(totalSeconds);
        return "%d:%02d:%02d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
