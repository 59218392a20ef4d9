package io.baeum.exam.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.testing.BaeumInfrastructure;

/**
 * The moves of an exam test, over HTTP: authoring items and evaluations (as an administrator), the
 * learning facts on the real queue, and a trainee's start, saves and submit. Small builders, so a
 * test reads as the story it checks.
 */
public final class ExamFixture {

    public static final String SECRET_EXPLANATION = "EXPLANATION-SECRET";

    private final WebTestClient web;
    private final ExamTokens tokens;
    private final BaeumInfrastructure infra;
    private final Clock clock;
    private final LearningFacts learning;

    public ExamFixture(WebTestClient web, ExamTokens tokens, BaeumInfrastructure infra, Clock clock) {
        this.web = web;
        this.tokens = tokens;
        this.infra = infra;
        this.clock = clock;
        this.learning = new LearningFacts(infra.sqs());
        awaitTokensAccepted();
    }

    /**
     * The service fetches auth's JWKS on the first token it sees; on a loaded machine that first fetch
     * may outlast a request. Poll until a token is accepted before the test's first real request.
     */
    private void awaitTokensAccepted() {
        String probe = tokens.trainee("jwks-probe");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().pollInterval(Duration.ofMillis(500))
                .until(() -> web.get().uri("/api/v1/exams/attempts").headers(h -> h.setBearerAuth(probe)).exchange()
                        .returnResult(String.class).getStatus().is2xxSuccessful());
    }

    public LearningFacts learning() {
        return learning;
    }

    public String admin() {
        return tokens.admin("admin-1");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(WebTestClient.ResponseSpec response) {
        return (Map<String, Object>) response.expectBody(Map.class).returnResult().getResponseBody().get("data");
    }

    /** A single-choice item whose answer is choice 2, with the secret explanation. */
    public String choiceItem(String course, String difficulty, String stem) {
        return item(course, Map.of("type", "SINGLE_CHOICE", "difficulty", difficulty, "stem", stem, "choices", List.of("가", "나", "다", "라"),
                "correctChoices", List.of(2), "points", 10, "explanation", SECRET_EXPLANATION, "tags", List.of("기초")));
    }

    public String essayItem(String course, String stem, int points) {
        return item(course, Map.of("type", "ESSAY", "difficulty", "MEDIUM", "stem", stem, "points", points, "explanation", SECRET_EXPLANATION));
    }

    public String shortItem(String course, String stem) {
        return item(course, Map.of("type", "SHORT_ANSWER", "difficulty", "LOW", "stem", stem, "acceptedAnswers", List.of("객체 지향"), "points", 10,
                "explanation", SECRET_EXPLANATION));
    }

    private String item(String course, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("courseId", course);
        return (String) data(web.post().uri("/api/v1/admin/question-banks/items").headers(h -> h.setBearerAuth(admin())).bodyValue(body)
                .exchange().expectStatus().isCreated()).get("id");
    }

    public List<String> choiceItems(String course, String difficulty, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(choiceItem(course, difficulty, course + " 문제 " + difficulty + " " + i));
        }
        return ids;
    }

    /** An evaluation under construction. */
    public final class EvaluationBuilder {
        private final Map<String, Object> body = new HashMap<>();
        private final Map<String, Object> rules = new HashMap<>();

        EvaluationBuilder(String course, String kind) {
            body.put("courseId", course);
            body.put("kind", kind);
            body.put("title", kind + " of " + course);
            body.put("opensAt", clock.instant().minus(Duration.ofHours(1)).toString());
            body.put("closesAt", clock.instant().plus(Duration.ofHours(2)).toString());
        }

        public EvaluationBuilder draw(String difficulty, int count) {
            body.put("draws", List.of(Map.of("difficulty", difficulty, "count", count)));
            return this;
        }

        public EvaluationBuilder fixed(List<String> items) {
            body.put("fixedItems", items);
            return this;
        }

        public EvaluationBuilder set(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public EvaluationBuilder rule(String field, Object value) {
            rules.put(field, value);
            return this;
        }

        public WebTestClient.ResponseSpec create() {
            if (!rules.isEmpty()) {
                body.put("rules", rules);
            }
            return web.post().uri("/api/v1/admin/exams").headers(h -> h.setBearerAuth(admin())).bodyValue(body).exchange();
        }

        public String draft() {
            return (String) data(create().expectStatus().isCreated()).get("id");
        }

        public String published() {
            String id = draft();
            publish(id).expectStatus().isOk();
            return id;
        }
    }

    public EvaluationBuilder evaluation(String course, String kind) {
        return new EvaluationBuilder(course, kind);
    }

    public WebTestClient.ResponseSpec publish(String evaluation) {
        return web.post().uri("/api/v1/admin/exams/{id}/publish", evaluation).headers(h -> h.setBearerAuth(admin())).exchange();
    }

    /** learning-service says the trainee is enrolled (study period around today) and at this progress; waits until applied. */
    public void enrolled(String trainee, String course, int progress) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Seoul"));
        enrolled(trainee, course, progress, today.minusDays(30), today.plusDays(30));
    }

    public void enrolled(String trainee, String course, int progress, LocalDate from, LocalDate to) {
        learning.enrollmentActivated(trainee, course, from, to);
        learning.courseProgress(trainee, course, progress);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM standing WHERE account_id = '" + trainee
                + "' AND course_id = '" + course + "' AND active AND course_progress >= " + progress) == 1);
    }

    public WebTestClient.ResponseSpec start(String token, String evaluation) {
        return web.post().uri("/api/v1/exams/evaluations/{id}/attempts", evaluation).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public Map<String, Object> started(String token, String evaluation) {
        return data(start(token, evaluation).expectStatus().is2xxSuccessful());
    }

    public WebTestClient.ResponseSpec save(String token, String attempt, String part, long seq, @Nullable List<Integer> choices, @Nullable String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("seq", seq);
        if (choices != null) {
            body.put("choices", choices);
        }
        if (text != null) {
            body.put("text", text);
        }
        return web.put().uri("/api/v1/exams/attempts/{id}/answers/{part}", attempt, part).headers(h -> h.setBearerAuth(token)).bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec submit(String token, String attempt) {
        return web.post().uri("/api/v1/exams/attempts/{id}/submit", attempt).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public WebTestClient.ResponseSpec view(String token, String attempt) {
        return web.get().uri("/api/v1/exams/attempts/{id}", attempt).headers(h -> h.setBearerAuth(token)).exchange();
    }

    @SuppressWarnings("unchecked")
    public static List<String> itemIds(Map<String, Object> attempt) {
        return ((List<Map<String, Object>>) attempt.get("items")).stream().map(i -> (String) i.get("itemId")).toList();
    }

    public long count(String sql) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public @Nullable String text(String sql) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public Instant instant(String sql) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getTimestamp(1).toInstant();
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
