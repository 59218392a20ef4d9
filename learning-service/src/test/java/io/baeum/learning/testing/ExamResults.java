package io.baeum.learning.testing;

import java.util.UUID;

/** exam-service's {@code io.baeum.exam.ExamResultRecorded.v1} events, as its outbox sends them (exam-service/README.md). */
public final class ExamResults {

    private ExamResults() {
    }

    /** One result revision; {@code cohortId} may be null. */
    public record Result(UUID attemptId, UUID evaluationId, String kind, UUID courseId, UUID cohortId, String traineeId, int attemptNo,
                         String score, boolean onTime, int revision, String reason) {

        public Result revised(String newScore, int newRevision, String why) {
            return new Result(attemptId, evaluationId, kind, courseId, cohortId, traineeId, attemptNo, newScore, onTime, newRevision, why);
        }

        public String data() {
            return """
                    {"attemptId":"%s","evaluationId":"%s","evaluationKind":"%s","courseId":"%s","cohortId":%s,"traineeId":"%s",
                     "attemptNo":%d,"score":%s,"maxScore":100,"passScore":60,"passed":%s,"onTime":%s,"autoSubmitted":false,
                     "blank":false,"submittedAt":"2026-12-03T10:00:00Z","gradedAt":"2026-12-03T11:00:00Z","revision":%d,"reason":%s}"""
                    .formatted(attemptId, evaluationId, kind, courseId, cohortId == null ? "null" : "\"" + cohortId + "\"", traineeId,
                            attemptNo, score, Double.parseDouble(score) >= 60, onTime, revision, reason == null ? "null" : "\"" + reason + "\"");
        }

        /** The CloudEvent with a fresh id (each revision is its own event). */
        public String event() {
            return event(UUID.randomUUID().toString());
        }

        public String event(String eventId) {
            return """
                    {"specversion":"1.0","id":"%s","type":"io.baeum.exam.ExamResultRecorded.v1","source":"/exam-service",
                     "subject":"%s","time":"2026-12-03T11:00:00Z","datacontenttype":"application/json","data":%s}"""
                    .formatted(eventId, attemptId, data());
        }
    }

    public static Result result(UUID evaluationId, String kind, UUID courseId, UUID cohortId, String traineeId, int attemptNo, String score,
                                boolean onTime) {
        return new Result(UUID.randomUUID(), evaluationId, kind, courseId, cohortId, traineeId, attemptNo, score, onTime, 1, null);
    }
}
