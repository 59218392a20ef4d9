package io.baeum.rag.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import io.baeum.rag.text.Shingles;

/** The events rag-service consumes, as their producers will send them (contract: rag-service/README.md). */
public final class RagEvents {

    private static final JsonMapper JSON = new JsonMapper();

    private RagEvents() {
    }

    public static String event(String type, String source, Object data, Instant time) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("source", source);
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return JSON.writeValueAsString(event);
    }

    public static String enrollmentActivated(String enrollmentId, String accountId, String courseId) {
        return event("io.baeum.learning.EnrollmentActivated.v1", "/learning-service",
                Map.of("enrollmentId", enrollmentId, "accountId", accountId, "courseId", courseId, "cohortId", "c-1"), Instant.now());
    }

    public static String enrollmentEnded(String enrollmentId, String accountId, String courseId, Instant time) {
        return event("io.baeum.learning.EnrollmentEnded.v1", "/learning-service",
                Map.of("enrollmentId", enrollmentId, "accountId", accountId, "courseId", courseId), time);
    }

    public static String lessonChanged(String courseId, String lessonId, String title, String description) {
        return event("io.baeum.learning.LessonChanged.v1", "/learning-service",
                Map.of("courseId", courseId, "lessonId", lessonId, "title", title, "description", description), Instant.now());
    }

    /** exam-service's fingerprints of open items: the hashes only, never the text. */
    public static String itemsFingerprinted(String evaluationId, String courseId, String status, Map<String, String> items) {
        List<Map<String, Object>> fingerprints = items.entrySet().stream()
                .map(e -> Map.<String, Object>of("itemId", e.getKey(), "hashes", List.copyOf(Shingles.of(e.getValue())))).toList();
        return event("io.baeum.exam.EvaluationItemsFingerprinted.v1", "/exam-service",
                Map.of("evaluationId", evaluationId, "courseId", courseId, "status", status, "shingleSize", Shingles.SIZE,
                        "closesAt", Instant.now().plusSeconds(3600).toString(), "items", fingerprints, "futureField", "ignored"),
                Instant.now());
    }
}
