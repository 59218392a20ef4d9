package io.baeum.suite.clients;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.support.Api;
import io.baeum.suite.support.Reply;

/** learning-service's API as the admin, the trainee and the instructor use it (docs/learning.md). */
public final class LearningClient {

    private final Api api;

    public LearningClient(Api api) {
        this.api = api;
    }

    // --- admin: catalog and cohorts ---

    public String createCourse(String admin, String title) {
        return api.as(admin).post("/api/v1/admin/courses", Map.of("title", title, "category", "suite",
                "trainingType", "SAEOPJU", "level", "BEGINNER", "price", 0)).data(201).path("id").asString();
    }

    public String addSubject(String admin, String courseId, String title) {
        return api.as(admin).post("/api/v1/admin/courses/{id}/subjects", Map.of("title", title, "position", 0), courseId)
                .data(201).path("id").asString();
    }

    /** A lesson on a (sandbox) Vimeo video; {@code recognisedSeconds} is its 인정 시간. */
    public JsonNode addLesson(String admin, String subjectId, String title, String vimeoVideoId, int recognisedSeconds) {
        return api.as(admin).post("/api/v1/admin/subjects/{id}/lessons", Map.of("title", title, "position", 0,
                "vimeoVideoId", vimeoVideoId, "recognisedSeconds", recognisedSeconds), subjectId).data(201);
    }

    public void publish(String admin, String courseId) {
        api.as(admin).post("/api/v1/admin/courses/{id}/publish", null, courseId).data();
    }

    public String createCohort(String admin, String courseId, String name, LocalDate studyFrom, LocalDate studyTo,
                               Collection<String> instructorIds) {
        return createCohort(admin, courseId, name, studyFrom, studyTo, instructorIds, 10);
    }

    /** A cohort (회차) of {@code capacity} places, enrolling and studying from {@code studyFrom} to {@code studyTo}. */
    public String createCohort(String admin, String courseId, String name, LocalDate studyFrom, LocalDate studyTo,
                               Collection<String> instructorIds, int capacity) {
        Map<String, Object> cohort = new LinkedHashMap<>();
        cohort.put("name", name);
        cohort.put("studyFrom", studyFrom.toString());
        cohort.put("studyTo", studyTo.toString());
        cohort.put("enrollmentFrom", studyFrom.toString());
        cohort.put("enrollmentTo", studyTo.toString());
        cohort.put("capacity", capacity);
        cohort.put("instructorIds", instructorIds);
        return api.as(admin).post("/api/v1/admin/courses/{id}/cohorts", cohort, courseId).data(201).path("id").asString();
    }

    public void approve(String admin, String enrollmentId) {
        api.as(admin).post("/api/v1/admin/enrollments/{id}/approve", Map.of(), enrollmentId).data();
    }

    // --- trainee ---

    /** 수강신청: the enrollment id (PENDING until an admin approves). */
    public String apply(String trainee, String cohortId) {
        JsonNode enrollment = api.as(trainee).post("/api/v1/cohorts/{id}/enrollments", Map.of(), cohortId).data(201);
        return enrollment.path("id").asString();
    }

    /** Opens a lesson: the answer carrying the playback grant (docs/playback-grant.md). */
    public Reply openLesson(String trainee, String enrollmentId, String lessonId) {
        return api.as(trainee).post("/api/v1/enrollments/{e}/lessons/{l}/playback", Map.of(), enrollmentId, lessonId);
    }

    /** The trainee's per-lesson progress of an enrollment. */
    public JsonNode lessonProgress(String trainee, String enrollmentId) {
        return api.as(trainee).get("/api/v1/enrollments/{id}/progress", enrollmentId).data();
    }

    /** My classroom: the trainee's course card of {@code enrollmentId}. */
    public JsonNode myCourse(String trainee, String enrollmentId) {
        for (JsonNode course : myCourses(trainee).data()) {
            if (enrollmentId.equals(course.path("enrollmentId").asString())) {
                return course;
            }
        }
        throw new AssertionError("enrollment " + enrollmentId + " is not in the trainee's classroom");
    }

    public Reply myCourses(String trainee) {
        return api.as(trainee).get("/api/v1/me/enrollments");
    }

    // --- instructor ---

    /** The instructor's progress table row of {@code enrollmentId} in a cohort they teach. */
    public JsonNode instructorRow(String instructor, String cohortId, String enrollmentId) {
        for (JsonNode row : api.as(instructor).get("/api/v1/instructor/cohorts/{id}/progress", cohortId).data()) {
            if (enrollmentId.equals(row.path("enrollmentId").asString())) {
                return row;
            }
        }
        throw new AssertionError("enrollment " + enrollmentId + " is not in the instructor's table of cohort " + cohortId);
    }

    public Reply catalog() {
        return api.get("/api/v1/catalog/courses?size=1");
    }
}
