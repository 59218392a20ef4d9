package io.baeum.exam.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import io.baeum.testing.TestSqs;

/**
 * learning-service's part in a test: its events, put on the real {@code exam-events} queue in the
 * shape README "Events in" documents.
 */
public final class LearningFacts {

    private static final JsonMapper JSON = new JsonMapper();

    private final TestSqs sqs;

    public LearningFacts(TestSqs sqs) {
        this.sqs = sqs;
    }

    public void enrollmentActivated(String account, String course, LocalDate studyFrom, LocalDate studyTo) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enrollmentId", UUID.randomUUID().toString());
        data.put("accountId", account);
        data.put("courseId", course);
        data.put("cohortId", "cohort-" + course);
        data.put("studyFrom", studyFrom.toString());
        data.put("studyTo", studyTo.toString());
        send("io.baeum.learning.EnrollmentActivated.v1", data, Instant.now());
    }

    public void courseProgress(String account, String course, int percent) {
        send("io.baeum.learning.CourseProgressChanged.v1", Map.of("accountId", account, "courseId", course, "progressPercent", percent),
                Instant.now());
    }

    public void send(String type, Map<String, Object> data, Instant time) {
        sendRaw(JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "type", type,
                "source", "/learning-service", "time", time.toString(), "datacontenttype", "application/json", "data", data)));
    }

    public void sendRaw(String body) {
        sqs.client().sendMessage(b -> b.queueUrl(sqs.queueUrl("exam-events")).messageBody(body)).join();
    }
}
