package io.baeum.learning.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
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

import io.baeum.learning.testing.AccessTokens;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.learning.testing.LearningMother.CourseFixture;
import io.baeum.learning.testing.ReportsMother;
import io.baeum.learning.testing.SecuredWeb;
import io.baeum.testing.BaeumInfrastructure;

/**
 * The three dashboards over HTTP on a seeded data set (random, fixed seed) whose figures the test computes
 * itself from what it seeded, in Java, without the service's SQL; and who may see what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DashboardIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SecuredWeb.register(registry, infra, tokens);
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    /** What the test seeded, from which it computes every expected figure. */
    static final class Seeded {
        UUID id;
        CohortFixture cohort;
        String account;
        String status;
        Instant applied;
        BigDecimal progress;
        int completedLessons;
        String outcome;
        String certificate;
        Instant lastStudied;
        final List<Result> results = new ArrayList<>();
    }

    record Result(UUID evaluation, String kind, int attempt, BigDecimal score, boolean passed, boolean onTime) {
    }

    static final LocalDate today = LocalDate.now(SEOUL);
    static final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final List<Seeded> seeded = new ArrayList<>();
    static CohortFixture cohortA;
    static CohortFixture cohortB;
    static CohortFixture cohortC;
    static CohortFixture cohortD;
    static Seeded myActive;

    /** Once per class, after the context (and Flyway) started. */
    @BeforeEach
    void seedOnce() {
        if (seeded.isEmpty()) {
            seed();
        }
    }

    static void seed() {
        LearningMother mother = new LearningMother(infra.database());
        ReportsMother reports = new ReportsMother(infra.database()::connect);
        CourseFixture java = mother.publishedCourse("SAEOPJU", 600, 600, 600, 600);
        CourseFixture farming = mother.publishedCourse("SAEOPJU", 900, 900, 900);
        cohortA = mother.cohort(java, today.minusDays(30), today.plusDays(60), 500, "inst-1");
        cohortB = mother.cohort(java, today.minusDays(10), today.plusDays(90), 500, "inst-2");
        cohortC = mother.cohort(farming, today.minusDays(200), today.minusDays(20), 500, "inst-1");
        cohortD = mother.cohort(farming, today.plusDays(10), today.plusDays(100), 500, "inst-1");

        Random random = new Random(17);
        Instant lastYearStart = LocalDate.of(today.getYear() - 1, 1, 1).atStartOfDay(SEOUL).toInstant();
        Instant thisYearStart = LocalDate.of(today.getYear(), 1, 1).atStartOfDay(SEOUL).toInstant();
        Set<BigDecimal> progressValues = new HashSet<>();
        String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "PENDING", "CANCELLED", "REJECTED"};
        int certificates = 0;
        for (CohortFixture cohort : List.of(cohortA, cohortB, cohortC, cohortD)) {
            UUID stage = UUID.randomUUID();
            UUID finalExam = UUID.randomUUID();
            UUID assignment = UUID.randomUUID();
            for (int i = 0; i < 14; i++) {
                Seeded s = new Seeded();
                s.cohort = cohort;
                s.account = "t-" + cohort.cohortId().toString().substring(0, 6) + "-" + i;
                s.status = statuses[random.nextInt(statuses.length)];
                long span = now.toEpochMilli() - lastYearStart.toEpochMilli();
                s.applied = Instant.ofEpochMilli(lastYearStart.toEpochMilli() + (long) (random.nextDouble() * span));
                if (i == 0) {
                    s.applied = thisYearStart.plus(30, ChronoUnit.MINUTES);   // 00:30 on 1 January in Seoul: this year
                    s.status = "ACTIVE";
                } else if (i == 1) {
                    s.applied = thisYearStart.minus(1, ChronoUnit.MINUTES);   // 23:59 on 31 December in Seoul: last year
                }
                do {
                    s.progress = BigDecimal.valueOf(random.nextInt(10_000), 2);
                } while (!progressValues.add(s.progress));
                s.completedLessons = random.nextInt(cohort.course().lessonIds().size() + 1);
                s.id = reports.enrollment(cohort, s.account, s.status, s.applied, s.progress, s.completedLessons);
                if (s.status.equals("ACTIVE")) {
                    int studied = random.nextInt(cohort.course().lessonIds().size() + 1);
                    for (int l = 0; l < studied; l++) {
                        Instant at = now.minusMillis((long) (random.nextDouble() * 60 * 86_400_000L)).truncatedTo(ChronoUnit.MILLIS);
                        reports.lessonProgress(s.id, cohort.course().lesson(l), 300, 50, random.nextBoolean(), at);
                        s.lastStudied = s.lastStudied == null || at.isAfter(s.lastStudied) ? at : s.lastStudied;
                    }
                    for (UUID evaluation : List.of(stage, finalExam, assignment)) {
                        String kind = evaluation == stage ? "STAGE" : evaluation == finalExam ? "FINAL" : "ASSIGNMENT";
                        int attempts = random.nextInt(3);
                        for (int a = 1; a <= attempts; a++) {
                            BigDecimal score = BigDecimal.valueOf(random.nextInt(10_001), 2);
                            Result r = new Result(evaluation, kind, a, score, score.compareTo(BigDecimal.valueOf(60)) >= 0, random.nextInt(5) > 0);
                            s.results.add(r);
                            reports.result(s.id, kind, evaluation, a, score, r.passed(), r.onTime(), now.minusSeconds(86_400L * (3 - a)));
                        }
                    }
                    int dice = random.nextInt(3);
                    if (dice > 0) {
                        s.outcome = dice == 1 ? "COMPLETED" : "FAILED";
                        reports.completion(s.id, s.outcome, s.progress, BigDecimal.valueOf(55 + dice * 10), "[]", now.minusSeconds(3600));
                        if (dice == 1) {
                            s.certificate = today.getYear() + "-" + String.format("%06d", ++certificates) + "-0";
                            reports.certificate(s.certificate, s.id, s.account, cohort, now.minusSeconds(1800), null);
                        }
                    }
                }
                seeded.add(s);
            }
        }
        // the trainee "me": an active enrollment with results, a decision and a certificate; a pending one; a rejected one
        myActive = new Seeded();
        myActive.cohort = cohortA;
        myActive.account = "me";
        myActive.status = "ACTIVE";
        myActive.applied = now.minusSeconds(86_400 * 20);
        myActive.progress = new BigDecimal("83.50");
        myActive.completedLessons = 2;
        myActive.id = reports.enrollment(cohortA, "me", "ACTIVE", myActive.applied, myActive.progress, 2);
        reports.lessonProgress(myActive.id, cohortA.course().lesson(0), 600, 100, true, now.minusSeconds(86_400 * 3));
        reports.lessonProgress(myActive.id, cohortA.course().lesson(1), 600, 100, true, now.minusSeconds(86_400 * 2));
        myActive.lastStudied = now.minusSeconds(86_400 * 2).truncatedTo(ChronoUnit.MILLIS);
        UUID finalExam = UUID.randomUUID();
        for (Result r : List.of(new Result(finalExam, "FINAL", 1, new BigDecimal("40.00"), false, true),
                new Result(finalExam, "FINAL", 2, new BigDecimal("85.00"), true, true),
                new Result(UUID.randomUUID(), "ASSIGNMENT", 1, new BigDecimal("90.00"), true, false))) {
            myActive.results.add(r);
            reports.result(myActive.id, r.kind(), r.evaluation(), r.attempt(), r.score(), r.passed(), r.onTime(), now.minusSeconds(86_400L * (3 - r.attempt())));
        }
        myActive.outcome = "COMPLETED";
        reports.completion(myActive.id, "COMPLETED", myActive.progress, new BigDecimal("78.00"), "[]", now.minusSeconds(600));
        myActive.certificate = today.getYear() + "-999999-9";
        reports.certificate(myActive.certificate, myActive.id, "me", cohortA, now.minusSeconds(300), null);
        seeded.add(myActive);
        other(reports, cohortD, "PENDING", now.minusSeconds(3600));
        other(reports, cohortB, "REJECTED", now.minusSeconds(7200));
    }

    /** Another enrollment of "me", without progress. */
    static void other(ReportsMother reports, CohortFixture cohort, String status, Instant applied) {
        Seeded s = new Seeded();
        s.cohort = cohort;
        s.account = "me";
        s.status = status;
        s.applied = applied;
        s.progress = BigDecimal.ZERO;
        s.id = reports.enrollment(cohort, "me", status, applied, BigDecimal.ZERO, 0);
        seeded.add(s);
    }

    @Autowired
    WebTestClient web;

    WebTestClient.ResponseSpec get(String token, String uri, Object... vars) {
        return SecuredWeb.get(web, token, uri, vars);
    }

    Map<?, ?> body(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    static boolean thisYear(Instant at) {
        return at.atZone(SEOUL).getYear() == today.getYear();
    }

    /** The mean of the latest attempt of each evaluation of {@code kind}, two decimals; null without any. */
    static Double score(Seeded s, String kind) {
        Map<UUID, Result> latest = new HashMap<>();
        s.results.stream().filter(r -> r.kind().equals(kind))
                .forEach(r -> latest.merge(r.evaluation(), r, (a, b) -> a.attempt() >= b.attempt() ? a : b));
        if (latest.isEmpty()) {
            return null;
        }
        BigDecimal sum = latest.values().stream().map(Result::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(latest.size()), 2, RoundingMode.HALF_UP).doubleValue();
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    @Test
    void theAdminCardsTrendAndActiveCohortsAreTheSeededFiguresWithSeoulYearBoundaries() {
        Map<?, ?> data = (Map<?, ?>) body(get(tokens.admin("admin-1"), "/api/v1/admin/dashboard")).get("data");

        List<Seeded> year = seeded.stream().filter(s -> s.status.equals("ACTIVE") && thisYear(s.applied)).toList();
        long completed = year.stream().filter(s -> "COMPLETED".equals(s.outcome)).count();
        Map<?, ?> cards = (Map<?, ?>) data.get("year");
        assertThat(cards.get("year")).isEqualTo(today.getYear());
        assertThat(((Number) cards.get("enrolled")).longValue()).isEqualTo(year.size());
        assertThat(((Number) cards.get("inProgress")).longValue()).isEqualTo(year.stream().filter(s -> s.outcome == null).count());
        assertThat(((Number) cards.get("completed")).longValue()).isEqualTo(completed);
        assertThat(number(cards.get("completionRate"))).isEqualTo(rate(completed, year.size()));

        Map<YearMonth, Long> perMonth = new HashMap<>();
        seeded.forEach(s -> perMonth.merge(YearMonth.from(s.applied.atZone(SEOUL)), 1L, Long::sum));
        List<Long> thisYearExpected = new ArrayList<>();
        List<Long> lastYearExpected = new ArrayList<>();
        List<Long> cumulativeExpected = new ArrayList<>();
        long running = 0;
        for (int m = 1; m <= 12; m++) {
            lastYearExpected.add(perMonth.getOrDefault(YearMonth.of(today.getYear() - 1, m), 0L));
            if (m <= today.getMonthValue()) {
                long count = perMonth.getOrDefault(YearMonth.of(today.getYear(), m), 0L);
                running += count;
                thisYearExpected.add(count);
                cumulativeExpected.add(running);
            } else {
                thisYearExpected.add(null);
                cumulativeExpected.add(null);
            }
        }
        Map<?, ?> trend = (Map<?, ?>) data.get("trend");
        assertThat(longs(trend.get("thisYear"))).isEqualTo(thisYearExpected);
        assertThat(longs(trend.get("lastYear"))).isEqualTo(lastYearExpected);
        assertThat(longs(trend.get("thisYearCumulative"))).isEqualTo(cumulativeExpected);
        assertThat(longs(trend.get("lastYearCumulative")).getLast()).isEqualTo(lastYearExpected.stream().mapToLong(Long::longValue).sum());
        // the two boundary enrollments of each cohort: 1 January 00:30 (this year) and 31 December 23:59 (last year), Seoul time
        assertThat(thisYearExpected.getFirst()).isGreaterThanOrEqualTo(4L);
        assertThat(lastYearExpected.getLast()).isGreaterThanOrEqualTo(4L);

        List<?> active = (List<?>) data.get("activeCohorts");
        assertThat(field(active, "cohortId")).containsExactly(cohortA.cohortId().toString(), cohortB.cohortId().toString());
        for (Object row : active) {
            Map<?, ?> c = (Map<?, ?>) row;
            List<Seeded> in = seeded.stream().filter(s -> s.cohort.cohortId().toString().equals(c.get("cohortId"))
                    && s.status.equals("ACTIVE")).toList();
            long done = in.stream().filter(s -> "COMPLETED".equals(s.outcome)).count();
            assertThat(((Number) c.get("enrolled")).longValue()).isEqualTo(in.size());
            assertThat(((Number) c.get("inProgress")).longValue()).isEqualTo(in.stream().filter(s -> s.outcome == null).count());
            assertThat(((Number) c.get("completed")).longValue()).isEqualTo(done);
            assertThat(number(c.get("completionRate"))).isEqualTo(rate(done, in.size()));
        }
    }

    static List<Object> field(List<?> maps, String key) {
        List<Object> values = new ArrayList<>();
        maps.forEach(m -> values.add(((Map<?, ?>) m).get(key)));
        return values;
    }

    static List<Long> longs(Object list) {
        return ((List<?>) list).stream().map(v -> v == null ? null : ((Number) v).longValue()).toList();
    }

    @Test
    void theInstructorsLearnerTableIsSortedPaginatedAndHasTheSeededScores() {
        List<Seeded> learners = new ArrayList<>(seeded.stream()
                .filter(s -> s.cohort == cohortA && s.status.equals("ACTIVE")).toList());
        learners.sort(Comparator.comparing((Seeded s) -> s.progress).reversed());

        Map<?, ?> first = body(get(tokens.instructor("inst-1"), "/api/v1/instructor/cohorts/{id}/dashboard?sort=progress,desc&size=5",
                cohortA.cohortId()));
        Map<?, ?> page2 = body(get(tokens.instructor("inst-1"), "/api/v1/instructor/cohorts/{id}/dashboard?sort=progress,desc&size=5&page=1",
                cohortA.cohortId()));
        assertThat(((Map<?, ?>) first.get("metadata")).get("total")).isEqualTo(learners.size());
        List<Map<?, ?>> rows = new ArrayList<>();
        for (Map<?, ?> page : List.of(first, page2)) {
            ((List<?>) ((Map<?, ?>) page.get("data")).get("learners")).forEach(r -> rows.add((Map<?, ?>) r));
        }
        assertThat(field(rows, "accountId")).containsExactlyElementsOf(
                learners.subList(0, Math.min(10, learners.size())).stream().map(s -> s.account).toList());
        for (Map<?, ?> row : rows) {
            Seeded s = seeded.stream().filter(x -> x.account.equals(row.get("accountId"))).findFirst().orElseThrow();
            assertThat(number(row.get("progressPercent"))).isEqualTo(s.progress.doubleValue());
            assertThat(number(row.get("stageScore"))).isEqualTo(score(s, "STAGE"));
            assertThat(number(row.get("finalScore"))).isEqualTo(score(s, "FINAL"));
            assertThat(number(row.get("assignmentScore"))).isEqualTo(score(s, "ASSIGNMENT"));
            assertThat(row.get("outcome")).isEqualTo(s.outcome);
            assertThat(row.get("certificateNumber")).isEqualTo(s.certificate);
            assertThat(row.get("lastStudiedAt") == null ? null : Instant.parse((String) row.get("lastStudiedAt"))).isEqualTo(s.lastStudied);
            assertThat(row.get("flags")).isEqualTo(0);
        }

        Map<?, ?> data = (Map<?, ?>) first.get("data");
        assertThat(((Number) data.get("enrolled")).longValue()).isEqualTo(learners.size());
        assertThat(((Number) data.get("completed")).longValue()).isEqualTo(learners.stream().filter(s -> "COMPLETED".equals(s.outcome)).count());
        Map<?, ?> queue = (Map<?, ?>) data.get("gradingQueue");
        assertThat(queue.get("available")).isEqualTo(false);
        assertThat(queue.get("pending")).isNull();
        assertThat(((Number) queue.get("resultsRecorded")).longValue()).isEqualTo(learners.stream().mapToLong(s -> s.results.size()).sum());
        assertThat(((Number) queue.get("lateResults")).longValue())
                .isEqualTo(learners.stream().flatMap(s -> s.results.stream()).filter(r -> !r.onTime()).count());
        assertThat(((Number) queue.get("withoutFinal")).longValue())
                .isEqualTo(learners.stream().filter(s -> s.results.stream().noneMatch(r -> r.kind().equals("FINAL"))).count());

        // last study, most recent first, those who never studied last
        List<?> byLastStudy = (List<?>) ((Map<?, ?>) body(get(tokens.instructor("inst-1"),
                "/api/v1/instructor/cohorts/{id}/dashboard?sort=lastStudied,desc&size=100", cohortA.cohortId())).get("data")).get("learners");
        List<String> expected = learners.stream().sorted(Comparator.comparing((Seeded s) -> s.lastStudied,
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(s -> s.id)).map(s -> s.account).toList();
        List<Object> actual = field(byLastStudy, "accountId");
        int withStudy = (int) learners.stream().filter(s -> s.lastStudied != null).count();
        assertThat(actual.subList(0, withStudy)).containsExactlyElementsOf(expected.subList(0, withStudy));
        assertThat(new HashSet<>(actual.subList(withStudy, actual.size()))).isEqualTo(new HashSet<>(expected.subList(withStudy, expected.size())));
    }

    @Test
    void anInstructorSeesOnlyTheCohortsTheyTeachAndAnAdminSeesAll() {
        get(tokens.instructor("inst-2"), "/api/v1/instructor/cohorts/{id}/dashboard", cohortA.cohortId()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("COHORT_NOT_FOUND");
        get(tokens.instructor("inst-2"), "/api/v1/instructor/cohorts/{id}/dashboard", cohortB.cohortId()).expectStatus().isOk();
        get(tokens.admin("admin-1"), "/api/v1/instructor/cohorts/{id}/dashboard", cohortA.cohortId()).expectStatus().isOk();
        get(tokens.admin("admin-1"), "/api/v1/instructor/cohorts/{id}/dashboard", UUID.randomUUID()).expectStatus().isNotFound();
        get(tokens.trainee("me"), "/api/v1/instructor/cohorts/{id}/dashboard", cohortA.cohortId()).expectStatus().isForbidden();
        get(tokens.trainee("me"), "/api/v1/admin/dashboard").expectStatus().isForbidden();
        get(tokens.instructor("inst-1"), "/api/v1/admin/dashboard").expectStatus().isForbidden();
        web.get().uri("/api/v1/me/dashboard").exchange().expectStatus().isUnauthorized();
        get(tokens.instructor("inst-1"), "/api/v1/instructor/cohorts/{id}/dashboard?sort=e.id;drop", cohortA.cohortId())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_SORT");
        get(tokens.instructor("inst-1"), "/api/v1/instructor/cohorts/{id}/dashboard?size=1000", cohortA.cohortId())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_PAGE");
    }

    @Test
    void aTraineeSeesACardPerLiveEnrollmentOfTheirOwnOnly() {
        List<?> cards = (List<?>) body(get(tokens.trainee("me"), "/api/v1/me/dashboard")).get("data");
        assertThat(field(cards, "cohortId")).containsExactly(cohortD.cohortId().toString(), cohortA.cohortId().toString());

        Map<?, ?> upcoming = (Map<?, ?>) cards.get(0);
        assertThat(upcoming.get("status")).isEqualTo("PENDING");
        assertThat(((Map<?, ?>) upcoming.get("period")).get("state")).isEqualTo("UPCOMING");
        assertThat(((Map<?, ?>) upcoming.get("nextLesson")).get("title")).isEqualTo("Lesson 1");
        assertThat(upcoming.get("completion")).isNull();
        assertThat(upcoming.get("certificate")).isNull();

        Map<?, ?> card = (Map<?, ?>) cards.get(1);
        assertThat(number(card.get("progressPercent"))).isEqualTo(83.5);
        assertThat(card.get("completedLessons")).isEqualTo(2);
        assertThat(card.get("totalLessons")).isEqualTo(4);
        assertThat(((Map<?, ?>) card.get("nextLesson")).get("title")).isEqualTo("Lesson 3");
        Map<?, ?> period = (Map<?, ?>) card.get("period");
        assertThat(period.get("state")).isEqualTo("OPEN");
        assertThat(period.get("to")).isEqualTo(today.plusDays(60).toString());
        assertThat(((Number) period.get("daysLeft")).longValue()).isEqualTo(61);
        Map<?, ?> evaluations = (Map<?, ?>) card.get("evaluations");
        Map<?, ?> exam = (Map<?, ?>) evaluations.get("FINAL");
        assertThat(exam.get("evaluations")).isEqualTo(1);
        assertThat(exam.get("passed")).isEqualTo(1);            // the re-exam (85) replaced the first attempt (40)
        assertThat(number(exam.get("averageScore"))).isEqualTo(85.0);
        Map<?, ?> assignment = (Map<?, ?>) evaluations.get("ASSIGNMENT");
        assertThat(assignment.get("late")).isEqualTo(1);
        assertThat(((Map<?, ?>) evaluations.get("STAGE")).get("evaluations")).isEqualTo(0);
        assertThat(((Map<?, ?>) card.get("completion")).get("outcome")).isEqualTo("COMPLETED");
        assertThat(((Map<?, ?>) card.get("certificate")).get("number")).isEqualTo(myActive.certificate);
        assertThat(((Map<?, ?>) card.get("certificate")).get("revoked")).isEqualTo(false);

        Seeded someone = seeded.stream().filter(s -> s.cohort == cohortB && !s.account.equals("me") && !s.status.equals("REJECTED")
                && !s.status.equals("CANCELLED")).findFirst().orElseThrow();
        List<?> theirs = (List<?>) body(get(tokens.trainee(someone.account), "/api/v1/me/dashboard")).get("data");
        assertThat(field(theirs, "enrollmentId")).containsExactly(someone.id.toString());
        assertThat(Objects.requireNonNull(body(get(tokens.trainee("nobody"), "/api/v1/me/dashboard")).get("data"))).isEqualTo(List.of());
    }
}
