package io.baeum.learning.playback.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.learning.playback.domain.CueQuiz;
import io.baeum.learning.playback.domain.PlaybackContext;
import io.baeum.learning.policy.PolicySql;
import io.baeum.learning.progress.domain.WatchedSeconds;
import io.baeum.learning.support.sql.DataConflicts;

/** Reads what a playback decision needs in one query; cue quizzes and attempts. */
@Repository
public class PlaybackStore {

    private static final String CONTEXT = "SELECT e.id AS enrollment_id, e.account_id, e.status, e.course_id, e.cohort_id, "
            + "co.study_from, co.study_to, l.id AS lesson_id, l.vimeo_video_id, l.duration_seconds, l.recognised_seconds, "
            + PolicySql.COLUMNS + ", "
            + "(SELECT COALESCE(lp2.percent, 0) FROM lesson l2 JOIN subject s2 ON s2.id = l2.subject_id "
            + "   LEFT JOIN lesson_progress lp2 ON lp2.lesson_id = l2.id AND lp2.enrollment_id = e.id "
            + "   WHERE l2.course_id = l.course_id AND (s2.position, l2.position) < (s.position, l.position) "
            + "   ORDER BY s2.position DESC, l2.position DESC LIMIT 1) AS previous_percent, "
            + "lp.watched::text AS watched, COALESCE(lp.study_millis, 0) AS study_millis, "
            + "COALESCE(lp.resume_second, 0) AS resume_second, "
            + "(SELECT count(*) FROM lesson_progress x WHERE x.enrollment_id = e.id) AS lessons_started, "
            + "lp.enrollment_id IS NOT NULL AS this_started, "
            + "(SELECT count(*) FROM lesson_study_day d WHERE d.account_id = e.account_id AND d.study_day = :today) AS lessons_today, "
            + "EXISTS (SELECT 1 FROM lesson_study_day d WHERE d.account_id = e.account_id AND d.study_day = :today "
            + "   AND d.lesson_id = l.id) AS this_today "
            + "FROM enrollment e JOIN cohort co ON co.id = e.cohort_id JOIN course c ON c.id = e.course_id "
            + "JOIN lesson l ON l.id = :lesson AND l.course_id = e.course_id JOIN subject s ON s.id = l.subject_id "
            + PolicySql.IN_FORCE_FOR_COHORT + " "
            + "LEFT JOIN lesson_progress lp ON lp.enrollment_id = e.id AND lp.lesson_id = l.id "
            + "WHERE e.id = :enrollment";

    private final DatabaseClient db;
    private final JsonMapper json;

    PlaybackStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<PlaybackContext> context(UUID enrollmentId, UUID lessonId, LocalDate today) {
        return db.sql(CONTEXT).bind("enrollment", enrollmentId).bind("lesson", lessonId).bind("today", today)
                .map((row, meta) -> context(row, List.of(), today))
                .one()
                .flatMap(context -> cues(enrollmentId, lessonId).collectList().map(cues -> withCues(context, cues)));
    }

    private static PlaybackContext withCues(PlaybackContext c, List<PlaybackContext.Cue> cues) {
        return new PlaybackContext(c.enrollmentId(), c.accountId(), c.enrollmentStatus(), c.courseId(), c.cohortId(),
                c.studyFrom(), c.studyTo(), c.policy(), c.lessonId(), c.videoId(), c.durationSeconds(), c.recognisedSeconds(),
                c.previousLessonPercent(), c.watched(), c.studyMillis(), c.resumeSecond(), c.lessonsStarted(),
                c.thisLessonStarted(), c.lessonsToday(), c.thisLessonToday(), c.today(), cues);
    }

    private static PlaybackContext context(Readable row, List<PlaybackContext.Cue> cues, LocalDate today) {
        String watched = row.get("watched", String.class);
        return new PlaybackContext(row.get("enrollment_id", UUID.class), row.get("account_id", String.class),
                row.get("status", String.class), row.get("course_id", UUID.class), row.get("cohort_id", UUID.class),
                row.get("study_from", LocalDate.class), row.get("study_to", LocalDate.class), PolicySql.read(row),
                row.get("lesson_id", UUID.class), row.get("vimeo_video_id", String.class),
                row.get("duration_seconds", Integer.class), row.get("recognised_seconds", Integer.class),
                row.get("previous_percent", Integer.class),
                watched == null ? WatchedSeconds.none() : WatchedSeconds.fromBitString(watched),
                row.get("study_millis", Long.class), row.get("resume_second", Integer.class),
                row.get("lessons_started", Long.class).intValue(), row.get("this_started", Boolean.class),
                row.get("lessons_today", Long.class).intValue(), row.get("this_today", Boolean.class), today, cues);
    }

    private Flux<PlaybackContext.Cue> cues(UUID enrollmentId, UUID lessonId) {
        return db.sql("SELECT q.id, q.at_second, EXISTS (SELECT 1 FROM cue_quiz_attempt a WHERE a.quiz_id = q.id "
                        + "AND a.enrollment_id = :enrollment AND a.correct) AS passed FROM cue_quiz q WHERE q.lesson_id = :lesson "
                        + "ORDER BY q.at_second")
                .bind("enrollment", enrollmentId).bind("lesson", lessonId)
                .map((row, meta) -> new PlaybackContext.Cue(row.get("id", UUID.class), row.get("at_second", Integer.class),
                        row.get("passed", Boolean.class)))
                .all();
    }

    /** A lesson's course and duration, for quiz management. */
    public record LessonRef(UUID lessonId, UUID courseId, Integer durationSeconds) {
    }

    public Mono<LessonRef> lesson(UUID lessonId) {
        return db.sql("SELECT id, course_id, duration_seconds FROM lesson WHERE id = :id").bind("id", lessonId)
                .map((row, meta) -> new LessonRef(row.get("id", UUID.class), row.get("course_id", UUID.class),
                        row.get("duration_seconds", Integer.class)))
                .one();
    }

    /** Whether the instructor teaches a cohort of the course. */
    public Mono<Boolean> teaches(String instructorId, UUID courseId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM cohort co JOIN cohort_instructor ci ON ci.cohort_id = co.id "
                        + "WHERE co.course_id = :course AND ci.instructor_id = :instructor) AS teaches")
                .bind("course", courseId).bind("instructor", instructorId)
                .map((row, meta) -> row.get("teaches", Boolean.class)).one();
    }

    /** The trainee's enrollment of a lesson's course: status and owner. */
    public record EnrollmentRef(UUID enrollmentId, String accountId, String status, UUID courseId) {
    }

    public Mono<EnrollmentRef> enrollment(UUID enrollmentId) {
        return db.sql("SELECT id, account_id, status, course_id FROM enrollment WHERE id = :id").bind("id", enrollmentId)
                .map((row, meta) -> new EnrollmentRef(row.get("id", UUID.class), row.get("account_id", String.class),
                        row.get("status", String.class), row.get("course_id", UUID.class)))
                .one();
    }

    public Flux<CueQuiz> quizzes(UUID lessonId) {
        return db.sql("SELECT * FROM cue_quiz WHERE lesson_id = :lesson ORDER BY at_second").bind("lesson", lessonId)
                .map((row, meta) -> quiz(row)).all();
    }

    public Mono<CueQuiz> quiz(UUID quizId) {
        return db.sql("SELECT * FROM cue_quiz WHERE id = :id").bind("id", quizId).map((row, meta) -> quiz(row)).one();
    }

    public Mono<Void> insert(CueQuiz q) {
        return db.sql("INSERT INTO cue_quiz (id, lesson_id, at_second, question, options, correct_option, explanation) "
                        + "VALUES (:id, :lesson, :at, :question, CAST(:options AS jsonb), :correct, :explanation)")
                .bind("id", q.id()).bind("lesson", q.lessonId()).bind("at", q.atSecond()).bind("question", q.question())
                .bind("options", json.writeValueAsString(q.options())).bind("correct", q.correctOption())
                .bind("explanation", q.explanation())
                .then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<Void> update(CueQuiz q) {
        return db.sql("UPDATE cue_quiz SET at_second = :at, question = :question, options = CAST(:options AS jsonb), "
                        + "correct_option = :correct, explanation = :explanation WHERE id = :id")
                .bind("id", q.id()).bind("at", q.atSecond()).bind("question", q.question())
                .bind("options", json.writeValueAsString(q.options())).bind("correct", q.correctOption())
                .bind("explanation", q.explanation())
                .then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<Long> delete(UUID quizId) {
        return db.sql("DELETE FROM cue_quiz WHERE id = :id").bind("id", quizId).fetch().rowsUpdated();
    }

    public Mono<Void> recordAttempt(UUID quizId, UUID enrollmentId, String accountId, int chosen, boolean correct,
                                    String passId, Instant at) {
        var spec = db.sql("INSERT INTO cue_quiz_attempt (id, quiz_id, enrollment_id, account_id, chosen_option, correct, pass_id, "
                        + "attempted_at) VALUES (:id, :quiz, :enrollment, :account, :chosen, :correct, :pass, :at)")
                .bind("id", UUID.randomUUID()).bind("quiz", quizId).bind("enrollment", enrollmentId).bind("account", accountId)
                .bind("chosen", chosen).bind("correct", correct).bind("at", at.atOffset(ZoneOffset.UTC));
        spec = spec.bind("pass", Parameter.fromOrEmpty(correct ? passId : null, String.class));
        return spec.then().onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    /** Quizzes of a lesson the trainee passed. */
    public Flux<UUID> passed(UUID enrollmentId, UUID lessonId) {
        return db.sql("SELECT DISTINCT a.quiz_id FROM cue_quiz_attempt a JOIN cue_quiz q ON q.id = a.quiz_id "
                        + "WHERE a.enrollment_id = :enrollment AND q.lesson_id = :lesson AND a.correct")
                .bind("enrollment", enrollmentId).bind("lesson", lessonId)
                .map((row, meta) -> row.get("quiz_id", UUID.class)).all();
    }

    private CueQuiz quiz(Readable row) {
        List<String> options = json.readValue(row.get("options", String.class), new TypeReference<List<String>>() { });
        return new CueQuiz(row.get("id", UUID.class), row.get("lesson_id", UUID.class), row.get("at_second", Integer.class),
                row.get("question", String.class), options, row.get("correct_option", Integer.class),
                row.get("explanation", String.class));
    }
}
