package io.baeum.learning.proxystudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.learning.progress.ProgressConsumer;
import io.baeum.learning.testing.AccessTokens;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.ProgressEvents;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Proxy-study (대리수강) flags from session evidence recorded by the real progress consumer (SessionStarted carries
 * the client address and device hash, SessionEnded the CONCURRENT_SESSION reason heartbeat gives a session it ends):
 * a shared address across employers is flagged once with its evidence, not within one employer, not on an allowed
 * network, not beyond the window; two devices of one account are flagged, two tabs of one device are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
class ProxyStudyIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
        // a loaded build machine: the deny-list and JWKS look-ups get room (they fail closed)
        registry.add("baeum.security.deny-list.timeout", () -> "5s");
        registry.add("baeum.security.token.jwks-timeout", () -> "10s");
        registry.add("baeum.learning.proxy-study.allowed-networks[0]", () -> "10.20.0.0/16");
    }

    @AfterAll
    static void close() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ProgressConsumer consumer;
    @Autowired
    ProxyStudyService proxyStudy;

    final String admin = tokens.admin("admin-1");
    LearningMother mother;
    UUID lesson;
    UUID samsungA;
    UUID samsungB;
    UUID lg;
    UUID solo;
    final long now = System.currentTimeMillis() - 60_000;

    @BeforeEach
    void trainees() {
        mother = new LearningMother(infra.database());
        var course = mother.publishedCourse("SAEOPJU", 600);
        lesson = course.lesson(0);
        var cohort = mother.cohort(course, LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), 10);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        samsungA = mother.activeEnrollment(cohort, "t-sa-" + tag);
        samsungB = mother.activeEnrollment(cohort, "t-sb-" + tag);
        lg = mother.activeEnrollment(cohort, "t-lg-" + tag);
        solo = mother.activeEnrollment(cohort, "t-solo-" + tag);
        employer(samsungA, "삼성전자");
        employer(samsungB, "삼성전자");
        employer(lg, "LG전자");
    }

    @Test
    void traineesOfTwoEmployersOnOneAddressWithinTheWindowAreFlaggedOnceWithTheirEvidence() {
        String ip = "198.51.100.20";
        apply(start(samsungA, "s-1", ip, now - 300_000, 1), start(lg, "s-2", ip, now - 120_000, 2),
                // one employer's two trainees on their office address: colleagues, not a suspicion
                start(samsungA, "s-3", "198.51.100.30", now - 100_000, 1), start(samsungB, "s-4", "198.51.100.30", now - 90_000, 3),
                // two employers, but 30 minutes apart
                start(samsungA, "s-5", "198.51.100.40", now - 2_400_000, 1), start(lg, "s-6", "198.51.100.40", now - 600_000, 2));

        proxyStudy.sweep().block();
        proxyStudy.sweep().block();

        List<Map<String, Object>> flags = flags("SHARED_IP");
        assertThat(flags).extracting(f -> f.get("clientIp")).containsExactly(ip);
        Map<String, Object> flag = flags.getFirst();
        assertThat(list(flag.get("enrollmentIds"))).containsExactlyInAnyOrder(samsungA.toString(), lg.toString());
        assertThat(list(flag.get("sessionIds"))).containsExactlyInAnyOrder("s-1", "s-2");
        assertThat(list(flag.get("evidence"))).hasSize(2).allSatisfy(e -> assertThat(map(e)).containsKeys("at", "employer", "deviceHash"));
        assertThat(flag.get("status")).isEqualTo("OPEN");

        String id = (String) flag.get("id");
        web.post().uri("/api/v1/admin/proxy-study/flags/{id}/resolve", id).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("resolution", "MAYBE", "note", "?")).exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/admin/proxy-study/flags/{id}/resolve", id).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("resolution", "DISMISSED", "note", "같은 교육장에서 수강 확인")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("RESOLVED").jsonPath("$.data.resolvedBy").isEqualTo("admin-1");
        web.post().uri("/api/v1/admin/proxy-study/flags/{id}/resolve", id).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("resolution", "CONFIRMED", "note", "again")).exchange().expectStatus().isEqualTo(409);
        web.get().uri("/api/v1/admin/proxy-study/flags").headers(h -> h.setBearerAuth(tokens.trainee("t"))).exchange().expectStatus().isForbidden();
    }

    @Test
    void noFlagOnAnAllowedNetworkFromTheAdminTableOrFromConfiguration() {
        web.post().uri("/api/v1/admin/proxy-study/allowed-networks").headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("cidr", "300.1.1.1/8", "label", "x")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_CIDR");
        web.post().uri("/api/v1/admin/proxy-study/allowed-networks").headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("cidr", "host.example/24", "label", "x")).exchange().expectStatus().isBadRequest();
        assertThat(count("SELECT count(*) FROM proxy_study_allowed_network")).isZero();
        web.post().uri("/api/v1/admin/proxy-study/allowed-networks").headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("cidr", "192.0.2.0/24", "label", "한국직업훈련센터 교육장")).exchange().expectStatus().isCreated();
        web.get().uri("/api/v1/admin/proxy-study/allowed-networks").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.managed[0].cidr").isEqualTo("192.0.2.0/24").jsonPath("$.data.configured[0]").isEqualTo("10.20.0.0/16");

        apply(start(samsungA, "n-1", "192.0.2.9", now - 60_000, 1), start(lg, "n-2", "192.0.2.77", now - 50_000, 2),
                start(samsungA, "n-3", "192.0.2.77", now - 40_000, 1),
                start(samsungB, "n-4", "10.20.3.4", now - 60_000, 3), start(lg, "n-5", "10.20.3.4", now - 30_000, 2));
        proxyStudy.sweep().block();

        assertThat(flags("SHARED_IP")).extracting(f -> (String) f.get("clientIp"))
                .noneMatch(ip -> ip.startsWith("192.0.2.") || ip.startsWith("10.20."));
    }

    @Test
    void oneAccountOnTwoDevicesIsFlaggedButTwoTabsOfOneDeviceAreNot() {
        apply(start(solo, "d-1", "203.0.113.5", now - 200_000, 1), start(solo, "d-2", "203.0.113.99", now - 100_000, 9),
                end(solo, "d-1", "CONCURRENT_SESSION", now - 99_000),
                start(solo, "d-3", "203.0.113.5", now - 50_000, 5), start(solo, "d-4", "203.0.113.5", now - 40_000, 5),
                end(solo, "d-3", "CONCURRENT_SESSION", now - 39_000),
                end(solo, "d-4", "ENDED", now - 10_000));
        proxyStudy.sweep().block();

        List<Map<String, Object>> flags = flags("TWO_DEVICES").stream()
                .filter(f -> list(f.get("enrollmentIds")).contains(solo.toString())).toList();
        assertThat(flags).hasSize(1);
        assertThat(list(flags.getFirst().get("sessionIds"))).containsExactlyInAnyOrder("d-1", "d-2");
        assertThat(list(flags.getFirst().get("evidence"))).hasSize(3);
    }

    @Test
    void anEmployerIsRecordedOnlyForAnExistingEnrollment() {
        web.put().uri("/api/v1/admin/enrollments/{id}/employer", UUID.randomUUID()).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("employer", "삼성전자")).exchange().expectStatus().isNotFound();
        web.put().uri("/api/v1/admin/enrollments/{id}/employer", solo).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("employer", "")).exchange().expectStatus().isBadRequest();
        assertThat(count("SELECT count(*) FROM enrollment_employer WHERE enrollment_id = '" + solo + "'")).isZero();
    }

    void employer(UUID enrollment, String name) {
        web.put().uri("/api/v1/admin/enrollments/{id}/employer", enrollment).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("employer", name)).exchange().expectStatus().isOk();
    }

    String account(UUID enrollment) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT account_id FROM enrollment WHERE id = '" + enrollment + "'")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ProgressEvent start(UUID enrollment, String session, String ip, long at, int device) {
        return new ProgressEvent(UUID.randomUUID(), at, account(enrollment), enrollment.toString(), lesson.toString(), session,
                new ProgressEventKind.SessionStarted(ip, new byte[] {(byte) device, 7, 7}, "JUnit"));
    }

    ProgressEvent end(UUID enrollment, String session, String reason, long at) {
        return new ProgressEvent(UUID.randomUUID(), at, account(enrollment), enrollment.toString(), lesson.toString(), session,
                new ProgressEventKind.SessionEnded(reason, 10));
    }

    void apply(ProgressEvent... events) {
        consumer.apply(ProgressEvents.batch(List.of(events))).block();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> flags(String kind) {
        Map<String, Object> body = web.get().uri("/api/v1/admin/proxy-study/flags?kind={k}&size=100", kind)
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    int count(String sql) {
        return mother.count(sql);
    }
}
