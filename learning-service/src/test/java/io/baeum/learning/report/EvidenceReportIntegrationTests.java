package io.baeum.learning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.learning.progress.ProgressConsumer;
import io.baeum.learning.progress.domain.BatchPlan;
import io.baeum.learning.progress.domain.EvidenceChain;
import io.baeum.learning.report.render.CohortWorkbook;
import io.baeum.learning.testing.AccessTokens;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.learning.testing.ProgressEvents;
import io.baeum.learning.testing.ReportsMother;
import io.baeum.learning.testing.SecuredWeb;
import io.baeum.testing.BaeumInfrastructure;

/**
 * The evidence report from evidence the real progress consumer chained plus V5's tables (written by the
 * Object Mother): time order, the chain verified and a tampered or forged row found, HTML escaped, the PDF's
 * Korean text extracted, the cohort export read back with POI; and who may read them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EvidenceReportIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();
    static final long T0 = 1_790_000_000_000L;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SecuredWeb.register(registry, infra, tokens);
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ProgressConsumer consumer;

    LearningMother mother;
    ReportsMother reports;
    CohortFixture cohort;

    @BeforeEach
    void setUp() {
        mother = new LearningMother(infra.database());
        reports = new ReportsMother(infra.database()::connect);
        cohort = mother.cohort(mother.publishedCourse("SAEOPJU", 600, 600), LocalDate.of(2025, 12, 1), LocalDate.of(2027, 6, 30), 50,
                "inst-1");
    }

    /** A trainee who studied lesson 1 through (with refusals and checks), answered a quiz, passed, completed and got a certificate. */
    UUID studiedThrough(String account, String certificate) {
        UUID enrollment = mother.activeEnrollment(cohort, account);
        ProgressEvents events = new ProgressEvents(account, enrollment, cohort.course().lesson(0));
        consumer.apply(ProgressEvents.batch(List.of(events.started(T0), events.watched(T0 + 1_000, 0, 300),
                events.refused(T0 + 2_000, "SEEK_AHEAD", 500),
                events.event(T0 + 3_000, new ProgressEventKind.ChallengeResolved("chl-1", ProgressEventKind.ChallengeKind.STEP_UP,
                        ProgressEventKind.ChallengeOutcome.PASSED)),
                events.event(T0 + 4_000, new ProgressEventKind.ChallengeResolved("chl-2", ProgressEventKind.ChallengeKind.PRESENCE_CODE,
                        ProgressEventKind.ChallengeOutcome.EXPIRED))))).block();
        consumer.apply(ProgressEvents.batch(List.of(events.watched(T0 + 5_000, 300, 500), events.refused(T0 + 6_000, "RATE_TOO_HIGH", 500),
                events.ended(T0 + 7_000, 500)))).block();
        UUID quiz = reports.cueQuiz(cohort.course().lesson(0), 120, "<script>alert('x')</script> 다음 중 옳은 것은?");
        reports.cueAttempt(quiz, enrollment, account, 1, false, Instant.ofEpochMilli(T0 + 1_500));
        reports.cueAttempt(quiz, enrollment, account, 0, true, Instant.ofEpochMilli(T0 + 1_600));
        UUID exam = UUID.randomUUID();
        reports.result(enrollment, "FINAL", exam, 1, new BigDecimal("45.00"), false, true, Instant.ofEpochMilli(T0 + 86_400_000L));
        reports.result(enrollment, "FINAL", exam, 2, new BigDecimal("88.50"), true, true, Instant.ofEpochMilli(T0 + 2 * 86_400_000L));
        reports.result(enrollment, "ASSIGNMENT", UUID.randomUUID(), 1, new BigDecimal("70.00"), true, false,
                Instant.ofEpochMilli(T0 + 2 * 86_400_000L + 1));
        reports.completion(enrollment, "COMPLETED", new BigDecimal("83.33"), new BigDecimal("81.20"),
                "[{\"criterion\":\"PROGRESS\",\"value\":83.33,\"threshold\":80,\"met\":true},"
                        + "{\"criterion\":\"TOTAL_SCORE\",\"value\":81.2,\"threshold\":60,\"met\":true}]",
                Instant.ofEpochMilli(T0 + 3 * 86_400_000L));
        reports.certificate(certificate, enrollment, account, cohort, Instant.ofEpochMilli(T0 + 3 * 86_400_000L + 60_000), null);
        return enrollment;
    }

    WebTestClient.ResponseSpec get(String token, String uri, Object... vars) {
        return SecuredWeb.get(web, token, uri, vars);
    }

    Map<?, ?> report(UUID enrollment) {
        return (Map<?, ?>) get(tokens.instructor("inst-1"), "/api/v1/manage/enrollments/{id}/evidence-report", enrollment)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("data");
    }

    String html(UUID enrollment) {
        return get(tokens.admin("admin-1"), "/api/v1/manage/enrollments/{id}/evidence-report/html", enrollment).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML).expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void everyFactIsInTimeOrderWithTheChainValidAndTheHtmlEscapedInKorean() {
        UUID enrollment = studiedThrough("acc-honest", "2026-000001-7");
        Map<?, ?> report = report(enrollment);

        Map<?, ?> chain = (Map<?, ?>) report.get("chain");
        assertThat(chain.get("valid")).isEqualTo(true);
        assertThat(chain.get("rows")).isEqualTo(6);
        assertThat(chain.get("firstBrokenSeq")).isNull();
        List<?> entries = (List<?>) report.get("entries");
        List<Instant> times = entries.stream().map(e -> Instant.parse((String) ((Map<?, ?>) e).get("at"))).toList();
        assertThat(times).isSorted();
        List<Object> categories = new ArrayList<>();
        entries.forEach(e -> categories.add(((Map<?, ?>) e).get("category")));
        assertThat(categories).containsExactly("SESSION", "CUE_QUIZ", "CUE_QUIZ", "REFUSAL", "IDENTITY", "IDENTITY", "REFUSAL", "SESSION",
                "EVALUATION", "EVALUATION", "EVALUATION", "COMPLETION", "CERTIFICATE",
                "CREDIT");   // the consumer stamps a lesson's completion with its own time (now), after these fixed past events
        assertThat(entries).anySatisfy(e -> assertThat(((Map<?, ?>) e).get("title")).isEqualTo("본인확인(재인증) 통과"));
        assertThat(entries).anySatisfy(e -> assertThat(((Map<?, ?>) e).get("title")).isEqualTo("출석 확인 코드 시간 초과"));
        assertThat(((List<?>) report.get("lessons"))).first().satisfies(l -> assertThat(((Map<?, ?>) l).get("completed")).isEqualTo(true));

        String html = html(enrollment);
        assertThat(html).contains("<html lang=\"ko\">", "훈련 증거 보고서", "증거 체인 검증: 정상", "진도 불인정", "보지 않은 구간으로 건너뛰기",
                "최종평가 결과 (2차 응시)", "수료 판정: 수료", "PROGRESS 83.33 (기준 80, 충족)", "2026-000001-7",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).doesNotContain("<script>");
    }

    @Test
    void aRowEditedBehindTheTriggersBackIsTheFirstBrokenSeq() throws SQLException {
        UUID enrollment = studiedThrough("acc-edited", "2026-000002-5");
        try (Connection c = infra.database().connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE progress_evidence DISABLE TRIGGER progress_evidence_no_update");
            try {
                s.execute("UPDATE progress_evidence SET detail = jsonb_set(detail, '{reason}', '\"HIDDEN\"') "
                        + "WHERE enrollment_id = '" + enrollment + "' AND seq = 2");
            } finally {
                s.execute("ALTER TABLE progress_evidence ENABLE TRIGGER progress_evidence_no_update");
            }
        }
        Map<?, ?> chain = (Map<?, ?>) report(enrollment).get("chain");
        assertThat(chain.get("valid")).isEqualTo(false);
        assertThat(chain.get("firstBrokenSeq")).isEqualTo(2);
        assertThat(chain.get("problem")).isEqualTo("HASH_MISMATCH");
        assertThat(html(enrollment)).contains("증거 체인 검증: 훼손 — 첫 손상 순번 2", "기록 내용이 해시와 다름(수정됨)");
    }

    @Test
    void aForgedRowAppendedWithAValidHashIsFoundByTheHead() throws SQLException {
        UUID enrollment = studiedThrough("acc-forged", "2026-000003-3");
        byte[] last;
        try (Connection c = infra.database().connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT hash FROM progress_evidence WHERE enrollment_id = '" + enrollment + "' ORDER BY seq DESC LIMIT 1")) {
            rs.next();
            last = rs.getBytes(1);
        }
        // the forger knows the algorithm (no secret): a well-chained 7th row, without moving the chain's head
        BatchPlan.EvidenceItem item = new BatchPlan.EvidenceItem(enrollment, UUID.randomUUID(), cohort.course().lesson(1), "acc-forged",
                "pbs-forged", "CHALLENGE_RESOLVED", T0 + 8_000, Map.of("challengeId", "chl-9", "kind", "STEP_UP", "outcome", "PASSED"));
        byte[] hash = EvidenceChain.next(last, EvidenceChain.canonical(7, item));
        reports.execute("INSERT INTO progress_evidence (enrollment_id, seq, event_id, lesson_id, account_id, session_id, kind, occurred_at_ms, "
                + "detail, prev_hash, hash) VALUES (?, 7, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)", enrollment, item.eventId(), item.lessonId(),
                item.accountId(), item.sessionId(), item.kind(), item.occurredAtMs(),
                "{\"challengeId\":\"chl-9\",\"kind\":\"STEP_UP\",\"outcome\":\"PASSED\"}", last, hash);

        Map<?, ?> chain = (Map<?, ?>) report(enrollment).get("chain");
        assertThat(chain.get("valid")).isEqualTo(false);
        assertThat(chain.get("firstBrokenSeq")).isEqualTo(7);
        assertThat(chain.get("problem")).isEqualTo("HEAD_MISMATCH");
    }

    @Test
    void thePdfCarriesTheReportInKorean() throws Exception {
        UUID enrollment = studiedThrough("acc-pdf", "2026-000004-1");
        byte[] pdf = get(tokens.instructor("inst-1"), "/api/v1/manage/enrollments/{id}/evidence-report/pdf", enrollment).expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "evidence-report-sample.pdf"), pdf);   // to look at: pdftoppm
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("훈련 증거 보고서", "acc-pdf", "증거 체인 검증: 정상", "진도 불인정", "본인확인(재인증) 통과",
                    "수료 판정: 수료", "2026-000004-1", "다음 중 옳은 것은?");
        }
    }

    @Test
    void theCohortExportHasARowPerTraineeWithTheCompletionCriteria() throws Exception {
        studiedThrough("acc-b", "2026-000005-9");
        UUID other = mother.activeEnrollment(cohort, "acc-a");
        reports.execute("UPDATE enrollment SET progress_percent = 40.5, completed_lessons = 0 WHERE id = ?", other);
        byte[] xlsx = get(tokens.admin("admin-1"), "/api/v1/admin/cohorts/{id}/audit-export", cohort.cohortId()).expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(CohortWorkbook.TRAINEES);
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("계정");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row a = sheet.getRow(1);
            Row b = sheet.getRow(2);
            assertThat(a.getCell(0).getStringCellValue()).isEqualTo("acc-a");
            assertThat(a.getCell(2).getNumericCellValue()).isEqualTo(40.5);
            assertThat(a.getCell(10).getStringCellValue()).isEqualTo("판정 전");
            assertThat(b.getCell(0).getStringCellValue()).isEqualTo("acc-b");
            assertThat(b.getCell(6).getNumericCellValue()).isEqualTo(88.5);      // the re-exam's score
            assertThat(b.getCell(7).getNumericCellValue()).isEqualTo(70.0);
            assertThat(b.getCell(8).getNumericCellValue()).isEqualTo(1.0);       // the late assignment
            assertThat(b.getCell(9).getNumericCellValue()).isEqualTo(81.2);
            assertThat(b.getCell(10).getStringCellValue()).isEqualTo("수료");
            assertThat(b.getCell(12).getStringCellValue()).isEqualTo("PROGRESS 83.33/80 충족; TOTAL_SCORE 81.2/60 충족");
            assertThat(b.getCell(13).getStringCellValue()).isEqualTo("2026-000005-9");
            Sheet policy = workbook.getSheet(CohortWorkbook.POLICY);
            List<String> lines = new ArrayList<>();
            policy.forEach(r -> lines.add(format.formatCellValue(r.getCell(0)) + "=" + format.formatCellValue(r.getCell(1))));
            assertThat(lines).contains("최소 진도율(%)=80", "최소 총점=60", "가중치: 최종평가/과제/진행단계평가=60/30/10");
        }
    }

    @Test
    void onlyTheCohortsInstructorsAndAdminsReadReportsAndOnlyAdminsExport() {
        UUID enrollment = studiedThrough("acc-private", "2026-000006-6");
        get(tokens.instructor("inst-2"), "/api/v1/manage/enrollments/{id}/evidence-report", enrollment).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("ENROLLMENT_NOT_FOUND");
        get(tokens.instructor("inst-2"), "/api/v1/manage/enrollments/{id}/evidence-report/pdf", enrollment).expectStatus().isNotFound();
        get(tokens.trainee("acc-private"), "/api/v1/manage/enrollments/{id}/evidence-report", enrollment).expectStatus().isForbidden();
        get(tokens.admin("admin-1"), "/api/v1/manage/enrollments/{id}/evidence-report", enrollment).expectStatus().isOk();
        get(tokens.admin("admin-1"), "/api/v1/manage/enrollments/{id}/evidence-report", UUID.randomUUID()).expectStatus().isNotFound();
        get(tokens.instructor("inst-1"), "/api/v1/admin/cohorts/{id}/audit-export", cohort.cohortId()).expectStatus().isForbidden();
        get(tokens.admin("admin-1"), "/api/v1/admin/cohorts/{id}/audit-export", UUID.randomUUID()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("COHORT_NOT_FOUND");
    }
}
