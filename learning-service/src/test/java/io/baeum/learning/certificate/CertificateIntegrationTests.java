package io.baeum.learning.certificate;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.transaction.reactive.TransactionalOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.baeum.learning.certificate.domain.CertificateNumber;
import io.baeum.learning.testing.AccessTokens;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Certificates over HTTP on real PostgreSQL: the holder's PDF in both forms (text extracted with PDFBox: Korean
 * renders, the number is printed; the QR code decoded with ZXing from the rendered page is the verification URL),
 * re-issue under the same number, the public verification for valid, revoked, unknown and malformed numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baeum.learning.completion.sweep-enabled=false",
        "baeum.learning.certificates.verify-base-url=https://baeum.example",
        "baeum.learning.certificates.holder-timeout=15s",
        // a busy CI machine: the deny-list lookup fails closed after its timeout (SESSION_CHECK_UNAVAILABLE, or 401)
        "baeum.security.deny-list.timeout=10s"})
@AutoConfigureWebTestClient
class CertificateIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();

    /** auth-service's GET /api/v1/me: the holder's name. */
    static final WireMockServer auth = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        auth.start();
        auth.stubFor(WireMock.get("/api/v1/me").withHeader("Authorization", WireMock.matching("Bearer .+"))
                .willReturn(WireMock.okJson("{\"success\":true,\"data\":{\"name\":\"김배움\",\"email\":\"kim@example.com\"}}")));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
        registry.add("baeum.learning.certificates.holder-lookup", auth::baseUrl);
    }

    @AfterAll
    static void close() {
        tokens.close();
        auth.stop();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    CertificateService certificates;

    @Autowired
    TransactionalOperator tx;

    LearningMother mother;
    String holder;
    String number;

    @BeforeEach
    void issued() {
        // rendering embeds a 4 MB font: seconds on a busy machine
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
        mother = new LearningMother(infra.database());
        CohortFixture cohort = mother.cohort(mother.publishedCourse("SAEOPJU", 3600, 5400), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 27), 10);
        holder = UUID.randomUUID().toString();
        UUID enrollment = mother.activeEnrollment(cohort, holder);
        number = certificates.issueFor(new CertificateService.Holder(enrollment, cohort.cohortId(), cohort.course().courseId(), holder))
                .as(tx::transactional).block();
    }

    @Test
    void theHolderDownloadsBothFormsWithKoreanTextTheNumberAndAQrCodeOfTheVerificationUrl() throws Exception {
        String token = tokens.trainee(holder);
        web.get().uri("/api/v1/me/certificates").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data[0].number").isEqualTo(number)
                .jsonPath("$.data[0].status").isEqualTo("VALID")
                .jsonPath("$.data[0].hours").isEqualTo(3)
                .jsonPath("$.data[0].verificationUrl").isEqualTo("https://baeum.example/api/v1/certificates/" + number + "/verification");

        byte[] hrd = pdf(token, "HRD");
        try (PDDocument document = Loader.loadPDF(hrd)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("수 료 증").contains("김배움").contains(number).contains("2026년 1월 5일 ~ 2026년 2월 27일")
                    .contains("3시간").contains("배움 원격평생교육원");
            assertThat(qr(document)).isEqualTo("https://baeum.example/api/v1/certificates/" + number + "/verification");
        }
        try (PDDocument document = Loader.loadPDF(pdf(token, "FREE"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("수료증").contains("CERTIFICATE OF COMPLETION").contains("김배움")
                    .contains(number);
            assertThat(qr(document)).endsWith("/api/v1/certificates/" + number + "/verification");
        }
        assertThat(count("SELECT count(*) FROM certificate WHERE number = '" + number + "' AND holder_name = '김배움'")).isEqualTo(1);

        web.get().uri("/api/v1/me/certificates/{n}.pdf", number).headers(h -> h.setBearerAuth(tokens.trainee("someone-else")))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("CERTIFICATE_NOT_FOUND");
        web.get().uri("/api/v1/me/certificates/{n}.pdf?form=A4", number).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("UNKNOWN_CERTIFICATE_FORM");
    }

    @Test
    void aReissueKeepsTheNumberAndRecordsTheIssue() throws Exception {
        String token = tokens.trainee(holder);
        web.post().uri("/api/v1/me/certificates/{n}/reissues", number).headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("form", "FREE")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.number").isEqualTo(number).jsonPath("$.data.issueNo").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM certificate_issue WHERE number = '" + number + "'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM certificate_issue WHERE number = '" + number + "' AND issue_no = 2 AND form = 'FREE'")).isEqualTo(1);
        try (PDDocument document = Loader.loadPDF(pdf(token, "HRD"))) {
            assertThat(new PDFTextStripper().getText(document)).contains(number).contains("재발급 2회");
        }
    }

    @Test
    void verificationShowsValidityAndTheNameOnlyWhenTheHolderChoseSo() {
        web.get().uri("/api/v1/certificates/{n}/verification", number).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.number").isEqualTo(number)
                .jsonPath("$.data.status").isEqualTo("VALID")
                .jsonPath("$.data.studyFrom").isEqualTo("2026-01-05")
                .jsonPath("$.data.courseTitle").value(String.class, t -> assertThat(t).startsWith("Course "))
                .jsonPath("$.data.holderName").doesNotExist();

        String token = tokens.trainee(holder);
        pdf(token, "HRD");
        web.put().uri("/api/v1/me/certificates/{n}/privacy", number).headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("showHolderName", true)).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/certificates/{n}/verification", number).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.holderName").isEqualTo("김배움");
    }

    @Test
    void aRevokedCertificateVerifiesAsRevoked() throws Exception {
        String admin = tokens.admin("admin-1");
        web.post().uri("/api/v1/admin/certificates/{n}/revocation", number).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("reason", "모사답안 확인")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("REVOKED");
        web.get().uri("/api/v1/certificates/{n}/verification", number).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("REVOKED")
                .jsonPath("$.data.revokedOn").exists();
        web.post().uri("/api/v1/admin/certificates/{n}/revocation", number).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("reason", "again")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("CERTIFICATE_ALREADY_REVOKED");
        web.post().uri("/api/v1/admin/certificates/{n}/revocation", number).headers(h -> h.setBearerAuth(tokens.trainee(holder)))
                .bodyValue(Map.of("reason", "mine")).exchange().expectStatus().isForbidden();
        assertThat(count("SELECT count(*) FROM certificate WHERE number = '" + number + "' AND revoked_reason = '모사답안 확인'")).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedNumbersAreClearRefusalsThatWriteNothing() throws Exception {
        int before = count("SELECT count(*) FROM certificate") + count("SELECT count(*) FROM certificate_issue");
        String unknown = new CertificateNumber(2026, 999_999).toString();
        web.get().uri("/api/v1/certificates/{n}/verification", unknown).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.success").isEqualTo(false).jsonPath("$.error.code").isEqualTo("CERTIFICATE_NOT_FOUND");
        String typo = number.substring(0, 5) + (number.charAt(5) == '9' ? '8' : (char) (number.charAt(5) + 1)) + number.substring(6);
        for (String bad : new String[] {typo, "not-a-number", "2026-12-3"}) {
            web.get().uri("/api/v1/certificates/{n}/verification", bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error.code").isEqualTo("MALFORMED_CERTIFICATE_NUMBER");
        }
        assertThat(count("SELECT count(*) FROM certificate") + count("SELECT count(*) FROM certificate_issue")).isEqualTo(before);
    }

    private byte[] pdf(String token, String form) {
        return web.get().uri("/api/v1/me/certificates/{n}.pdf?form={f}", number, form).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static String qr(PDDocument document) throws Exception {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private int count(String sql) throws Exception {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
