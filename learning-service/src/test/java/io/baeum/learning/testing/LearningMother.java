package io.baeum.learning.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.baeum.testing.TestDatabase;

/** Object Mother for catalog, cohort and enrollment rows, written straight to the test database. */
public final class LearningMother {

    /** Opens a connection to the test database. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections database;

    public LearningMother(TestDatabase database) {
        this.database = database::connect;
    }

    public LearningMother(Connections database) {
        this.database = database;
    }

    /** A published course with one subject and lessons of the given lengths, in that order. */
    public record CourseFixture(UUID courseId, List<UUID> lessonIds) {
        public UUID lesson(int i) {
            return lessonIds.get(i);
        }
    }

    public record CohortFixture(UUID cohortId, CourseFixture course) {
    }

    public CourseFixture publishedCourse(String trainingType, int... durations) {
        UUID course = UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        List<UUID> lessons = new ArrayList<>();
        execute("INSERT INTO course (id, title, category, training_type, level, price, status) VALUES (?, ?, 'it', ?, 'BEGINNER', 100000, 'PUBLISHED')",
                course, "Course " + course, trainingType);
        execute("INSERT INTO subject (id, course_id, position, title) VALUES (?, ?, 0, 'Subject')", subject, course);
        for (int i = 0; i < durations.length; i++) {
            UUID lesson = UUID.randomUUID();
            execute("INSERT INTO lesson (id, course_id, subject_id, position, title, vimeo_video_id, duration_seconds, recognised_seconds) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lesson, course, subject, i, "Lesson " + (i + 1), "7697987" + i,
                    durations[i], durations[i]);
            lessons.add(lesson);
        }
        return new CourseFixture(course, lessons);
    }

    public CohortFixture cohort(CourseFixture course, LocalDate studyFrom, LocalDate studyTo, int capacity, String... instructors) {
        UUID cohort = UUID.randomUUID();
        execute("INSERT INTO cohort (id, course_id, name, study_from, study_to, enrollment_from, enrollment_to, capacity) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", cohort, course.courseId(), "cohort-" + cohort, studyFrom, studyTo,
                studyFrom.minusDays(30), studyTo, capacity);
        for (String instructor : instructors) {
            execute("INSERT INTO cohort_instructor (cohort_id, instructor_id) VALUES (?, ?)", cohort, instructor);
        }
        return new CohortFixture(cohort, course);
    }

    /** An ACTIVE enrollment of {@code accountId}. */
    public UUID activeEnrollment(CohortFixture cohort, String accountId) {
        UUID enrollment = UUID.randomUUID();
        execute("INSERT INTO enrollment (id, cohort_id, course_id, account_id, status, source, applied_at) "
                + "VALUES (?, ?, ?, ?, 'ACTIVE', 'ASSIGNMENT', now())", enrollment, cohort.cohortId(),
                cohort.course().courseId(), accountId);
        return enrollment;
    }

    /** The first column of the first row of a query, as an int (counts in assertions). */
    public int count(String sql) {
        try (Connection connection = database.open(); PreparedStatement statement = connection.prepareStatement(sql);
             java.sql.ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql, Object... args) {
        try (Connection connection = database.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                statement.setObject(i + 1, arg instanceof LocalDate date ? java.sql.Date.valueOf(date) : arg);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
