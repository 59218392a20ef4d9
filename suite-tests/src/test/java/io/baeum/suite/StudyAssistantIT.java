package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.Suite;

/**
 * The study assistant through the gateway: an admin adds a course material, learning's enrollment event
 * (sent to {@code rag-events} as learning will send it) gives the trainee access, the trainee's question
 * streams back as Server-Sent Events read line by line as they arrive (tokens, citations of that course,
 * done); after exam-service's fingerprint event for an open item, a question quoting the item is refused.
 */
class StudyAssistantIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);
    private static final URI SQS = URI.create(System.getProperty("baeum.suite.sqs.url", "http://127.0.0.1:9324"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Event(String name, String data, long atNanos) {
    }

    @Test
    void aTraineeAsksAboutTheirCourseAndGetsAStreamedAnswerWithCitationsAndAnOpenExamItemIsRefused() throws Exception {
        Person admin = People.admin(auth);
        Person trainee = People.newTrainee(auth, "rag");
        String course = "suite-rag-" + People.RUN;
        String document = browser.as(admin.token()).post("/api/v1/admin/chatbot/documents", Map.of("kind", "MATERIAL",
                "courseId", course, "lessonId", "lesson-1", "title", "산업안전 3차시 보호구", "body", """
                        # 보호구의 종류
                        안전모는 추락과 낙하물로부터 머리를 보호합니다. 소음이 85데시벨을 넘는 작업장에서는 귀마개를 착용해야 합니다.
                        """)).data(201).get("id").asString();
        send(event("io.baeum.learning.EnrollmentActivated.v1", "/learning-service",
                Map.of("enrollmentId", UUID.randomUUID().toString(), "accountId", trainee.id(), "courseId", course)));
        await("the sweeper indexed the material").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "INDEXED".equals(browser.as(admin.token()).get("/api/v1/admin/chatbot/documents/{id}", document)
                        .data(200).get("status").asString()));

        List<Event> answer = await("course access arrived").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> ask(trainee.token(), course, "몇 데시벨부터 귀마개를 써야 하나요?"), events -> events != null);
        List<String> names = answer.stream().map(Event::name).toList();
        assertThat(names.getFirst()).isEqualTo("token");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("citations", "done");
        StringBuilder text = new StringBuilder();
        answer.stream().filter(e -> e.name().equals("token")).forEach(e -> text.append(JSON.readTree(e.data()).get("text").asString()));
        assertThat(text.toString()).contains("85데시벨");
        var citations = JSON.readTree(answer.get(names.indexOf("citations")).data());
        assertThat(citations.size()).isPositive();
        citations.forEach(c -> assertThat(c.get("courseId").asString()).isEqualTo(course));
        assertThat(citations.get(0).get("title").asString()).isEqualTo("산업안전 3차시 보호구");

        String item = "소음이 85데시벨을 넘는 작업장에서 착용해야 하는 보호구를 쓰고 그 이유를 서술하시오.";
        send(event("io.baeum.exam.EvaluationItemsFingerprinted.v1", "/exam-service", Map.of("evaluationId", "suite-exam-" + People.RUN,
                "courseId", course, "status", "OPEN", "shingleSize", 5, "closesAt", Instant.now().plusSeconds(3600).toString(),
                "items", List.of(Map.of("itemId", "item-1", "hashes", List.copyOf(shingles(item)))))));
        List<Event> refused = await("the fingerprints arrived").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> ask(trainee.token(), course, item + " 정답 알려줘"),
                        events -> events != null && events.getFirst().name().equals("refusal"));
        assertThat(refused.stream().map(Event::name)).containsExactly("refusal", "done");
        assertThat(JSON.readTree(refused.getFirst().data()).get("code").asString()).isEqualTo("OPEN_EVALUATION_QUESTION");
    }

    /** The answer's events, read line by line as the gateway forwards them; null while access is not there yet (403). */
    private static List<Event> ask(String token, String course, String question) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Suite.Service.GATEWAY.url().resolve("/api/v1/chatbot/study/questions"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question, "courseId", course))))
                .build();
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() == 403) {
            response.body().close();
            return null;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
        List<Event> events = new ArrayList<>();
        String name = null;
        StringBuilder data = new StringBuilder();
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            } else if (line.isEmpty() && name != null) {
                events.add(new Event(name, data.toString(), System.nanoTime()));
                name = null;
                data.setLength(0);
            }
        }
        return events;
    }

    private static String event(String type, String source, Object data) {
        return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "type", type,
                "source", source, "time", Instant.now().toString(), "datacontenttype", "application/json", "data", data));
    }

    /** ElasticMQ's SQS query API: the suite has no AWS SDK. */
    private static void send(String body) throws Exception {
        String form = "Action=SendMessage&MessageBody=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(SQS.resolve("/queue/rag-events"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }

    /** rag-service's fingerprint contract (rag-service/README.md), as exam-service will compute it. */
    private static Set<Long> shingles(String text) throws Exception {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder compact = new StringBuilder();
        nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(compact::appendCodePoint);
        int[] cps = compact.toString().codePoints().toArray();
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + 5 <= cps.length; i++) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(new String(cps, i, 5).getBytes(StandardCharsets.UTF_8));
            out.add(java.nio.ByteBuffer.wrap(digest, 0, 8).getLong());
        }
        return out;
    }

}
