package io.baeum.learning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.OutboxWriter;
import io.baeum.learning.notification.domain.Notification;
import io.baeum.learning.notification.domain.NotificationTemplate;
import io.baeum.learning.support.events.LearningEvents;
import io.baeum.learning.testing.AccessTokens;
import io.baeum.learning.testing.LearningMother;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Notifications end to end: an enrollment approved over HTTP writes EnrollmentActivated to the outbox, the
 * poller reads it and an email with a Korean subject arrives in an in-process SMTP server (GreenMail); every send
 * is in the log, nothing is sent twice, events of other features plug in by type name, the deadline sweep, and a
 * failed send recorded with its error after the transient retries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();
    static final int SMTP_PORT = freePort();
    static final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
        // a loaded build machine: the deny-list and JWKS look-ups get room (they fail closed)
        registry.add("baeum.security.deny-list.timeout", () -> "5s");
        registry.add("baeum.security.token.jwks-timeout", () -> "10s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "1000");
        registry.add("baeum.learning.notifications.email.retries", () -> "2");
        registry.add("baeum.learning.notifications.email.backoff", () -> "50ms");
    }

    @AfterAll
    static void close() {
        tokens.close();
        smtp.stop();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    NotificationService notifications;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    DomainEventCodec codec;
    @Autowired
    TransactionalOperator tx;

    LearningMother mother;
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));

    @BeforeEach
    void setUp() throws Exception {
        mother = new LearningMother(infra.database());
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @Order(1)
    void anApprovedEnrollmentGetsOneEmailWithAKoreanSubjectAndALoggedSend() throws Exception {
        var course = mother.publishedCourse("SAEOPJU", 600);
        mother.execute("UPDATE course SET title = '파이썬 데이터 분석' WHERE id = ?", course.courseId());
        var cohort = mother.cohort(course, today, today.plusDays(30), 10);
        String account = "t-approved-" + UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        mother.execute("INSERT INTO enrollment (id, cohort_id, course_id, account_id, status, source, applied_at) "
                + "VALUES (?, ?, ?, ?, 'PENDING', 'APPLICATION', now())", enrollment, cohort.cohortId(), course.courseId(), account);
        web.post().uri("/api/v1/admin/enrollments/{id}/approve", enrollment).headers(h -> h.setBearerAuth(tokens.admin("admin-1")))
                .exchange().expectStatus().isOk();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'io.baeum.learning.EnrollmentActivated.v1' "
                + "AND payload->>'subject' = '" + enrollment + "'")).as("one copy per consumer queue").isGreaterThan(1);

        notifications.pollOutbox().block();

        List<MimeMessage> mine = to(account);
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().getSubject()).isEqualTo("[배움] 파이썬 데이터 분석 수강 신청이 승인되었습니다");
        assertThat((String) mine.getFirst().getContent()).contains("학습 기간: " + today + " ~ " + today.plusDays(30));
        assertThat(count("SELECT count(*) FROM notification_send WHERE account_id = '" + account + "' AND channel = 'EMAIL' "
                + "AND status = 'SENT' AND template = 'ENROLLMENT_APPROVED' AND attempts = 1 AND finished_at IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM notification_send WHERE account_id = '" + account + "' AND channel = 'SMS' "
                + "AND status = 'SKIPPED'")).as("no phone number known: recorded, not sent").isEqualTo(1);

        // the same events read again (a poller restarted from scratch, a second instance): nothing twice
        mother.execute("UPDATE notification_outbox_cursor SET read_to = '-infinity'");
        notifications.pollOutbox().block();
        notifications.pollOutbox().block();
        assertThat(to(account)).hasSize(1);
        assertThat(count("SELECT count(*) FROM notification_send WHERE account_id = '" + account + "'")).isEqualTo(2);

        web.get().uri("/api/v1/admin/notifications/sends?accountId={a}&status=SENT", account)
                .headers(h -> h.setBearerAuth(tokens.admin("admin-1"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.metadata.total").isEqualTo(1).jsonPath("$.data[0].template").isEqualTo("ENROLLMENT_APPROVED")
                .jsonPath("$.data[0].channel").isEqualTo("EMAIL").jsonPath("$.data[0].address").isEqualTo("t-***@trainee.baeum.local");
        web.get().uri("/api/v1/admin/notifications/sends?status=LOST").headers(h -> h.setBearerAuth(tokens.admin("admin-1")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_SEND_STATUS");
        web.get().uri("/api/v1/admin/notifications/sends").headers(h -> h.setBearerAuth(tokens.trainee(account)))
                .exchange().expectStatus().isForbidden();
    }

    /** What the completion feature will write: the notification needs nothing but the type name and the enrollment. */
    record CourseCompleted(UUID enrollmentId, String accountId) {
    }

    record CertificateIssued(UUID enrollmentId, String accountId, String certificateNumber) {
    }

    @Test
    @Order(2)
    void completionAndCertificateEventsNotifyByTypeNameOnceEach() throws Exception {
        var course = mother.publishedCourse("SAEOPJU", 600);
        mother.execute("UPDATE course SET title = '자바 기초' WHERE id = ?", course.courseId());
        var cohort = mother.cohort(course, today.minusDays(30), today, 10);
        String account = "t-done-" + UUID.randomUUID();
        UUID enrollment = mother.activeEnrollment(cohort, account);
        var completed = codec.create(LearningEvents.type(new CourseCompleted(enrollment, account)), LearningEvents.SOURCE,
                enrollment.toString(), new CourseCompleted(enrollment, account), Clock.systemUTC());
        var issued = new CertificateIssued(enrollment, account, "2026-000123-7");
        // the same event for two queues: two rows with their own ids and the same data
        outbox.append(LearningEvents.BILLING, completed)
                .then(outbox.append(LearningEvents.RAG, codec.create(LearningEvents.type(issued), LearningEvents.SOURCE, enrollment.toString(), issued, Clock.systemUTC())))
                .then(outbox.append(LearningEvents.EXAM, codec.create(LearningEvents.type(issued), LearningEvents.SOURCE, enrollment.toString(), issued, Clock.systemUTC())))
                .as(tx::transactional).block();

        notifications.pollOutbox().block();
        notifications.pollOutbox().block();

        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : to(account)) {
            subjects.add(m.getSubject());
        }
        assertThat(subjects).containsExactlyInAnyOrder("[배움] 자바 기초 과정을 수료하셨습니다", "[배움] 자바 기초 수료증이 발급되었습니다");
        MimeMessage certificate = to(account).stream().filter(m -> subject(m).contains("수료증")).findFirst().orElseThrow();
        assertThat((String) certificate.getContent()).contains("발급번호: 2026-000123-7");
    }

    @Test
    @Order(3)
    void theDeadlineSweepWarnsTraineesBelowEightyPercentOnce() throws Exception {
        var course = mother.publishedCourse("SAEOPJU", 600);
        var endingSoon = mother.cohort(course, today.minusDays(60), today.plusDays(5), 10);
        String behind = "t-behind-" + UUID.randomUUID();
        String ahead = "t-ahead-" + UUID.randomUUID();
        UUID late = mother.activeEnrollment(endingSoon, behind);
        UUID fine = mother.activeEnrollment(endingSoon, ahead);
        mother.execute("UPDATE enrollment SET progress_percent = 42.5 WHERE id = ?", late);
        mother.execute("UPDATE enrollment SET progress_percent = 85 WHERE id = ?", fine);
        var later = mother.publishedCourse("SAEOPJU", 600);
        var farAway = mother.cohort(later, today.minusDays(10), today.plusDays(40), 10);
        String relaxed = "t-relaxed-" + UUID.randomUUID();
        mother.activeEnrollment(farAway, relaxed);

        notifications.sweepDeadlines().block();
        notifications.sweepDeadlines().block();

        assertThat(to(behind)).hasSize(1);
        assertThat(to(behind).getFirst().getSubject()).endsWith("학습 기간이 5일 남았습니다");
        assertThat((String) to(behind).getFirst().getContent()).contains("현재 진도율은 42%");
        assertThat(to(ahead)).isEmpty();
        assertThat(to(relaxed)).isEmpty();
    }

    @Test
    @Order(4)
    void aPermanentFailureIsRecordedAtOnce() {
        String account = "broken<" + UUID.randomUUID();   // makes no address: refused before any connection
        notifications.deliver(new Notification("test:permanent:" + account, account, NotificationTemplate.COURSE_COMPLETED,
                Map.of("courseTitle", "x"))).block();
        assertThat(count("SELECT count(*) FROM notification_send WHERE account_id = '" + account + "' AND channel = 'EMAIL' "
                + "AND status = 'FAILED' AND attempts = 1 AND error IS NOT NULL")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aTransientFailureIsRetriedThenRecordedAndNeverSentAgain() {
        smtp.stop();   // the SMTP server is down: connection refused on every attempt
        String account = "t-unlucky-" + UUID.randomUUID();
        Notification notification = new Notification("test:transient:" + account, account, NotificationTemplate.COURSE_COMPLETED,
                Map.of("courseTitle", "x"));
        notifications.deliver(notification).block();
        assertThat(count("SELECT count(*) FROM notification_send WHERE account_id = '" + account + "' AND channel = 'EMAIL' "
                + "AND status = 'FAILED' AND attempts = 3 AND error LIKE '%Connect%'")).as("1 try + 2 retries").isEqualTo(1);
        notifications.deliver(notification).block();
        assertThat(count("SELECT count(*) FROM notification_send WHERE account_id = '" + account + "'")).isEqualTo(2);
    }

    List<MimeMessage> to(String account) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(account + "@trainee.baeum.local")) {
                    found.add(m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int count(String sql) {
        return mother.count(sql);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
