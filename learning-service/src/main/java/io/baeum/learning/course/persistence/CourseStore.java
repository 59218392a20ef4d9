package io.baeum.learning.course.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.learning.course.domain.CourseLevel;
import io.baeum.learning.course.domain.CourseStatus;
import io.baeum.learning.course.domain.LessonDraft;
import io.baeum.learning.course.domain.Material;
import io.baeum.learning.course.domain.TrainingType;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;
import io.baeum.learning.support.sql.DataConflicts;

/** Courses, subjects and lessons in PostgreSQL. */
@Repository
public class CourseStore {

    /** Sort keys of catalog lists and the columns they map to; the first is the default. */
    public static final Map<String, String> SORTS = Map.of(
            "title", "lower(c.title)", "price", "c.price", "createdAt", "c.created_at", "level", "c.level");

    private final DatabaseClient db;
    private final JsonMapper json;

    CourseStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public record CourseRow(UUID id, String title, String description, String category, TrainingType trainingType,
                            CourseLevel level, long price, @Nullable String coverUrl, CourseStatus status) {
    }

    public record SubjectRow(UUID id, UUID courseId, int position, String title) {
    }

    public record LessonRow(UUID id, UUID courseId, UUID subjectId, int position, String title,
                            @Nullable String videoId, @Nullable Integer durationSeconds,
                            @Nullable Integer recognisedSeconds, @Nullable String thumbnailUrl,
                            List<Material> materials) {
    }

    /** Catalog filter; nulls match anything. */
    public record CatalogFilter(@Nullable String text, @Nullable String category, @Nullable CourseLevel level,
                                @Nullable TrainingType trainingType, @Nullable Long minPrice,
                                @Nullable Long maxPrice, @Nullable CourseStatus status) {
    }

    public Mono<Void> insert(CourseRow c) {
        return db.sql("INSERT INTO course (id, title, description, category, training_type, level, price, cover_url, status) "
                        + "VALUES (:id, :title, :description, :category, :type, :level, :price, :cover, :status)")
                .bind("id", c.id()).bind("title", c.title()).bind("description", c.description())
                .bind("category", c.category()).bind("type", c.trainingType().name()).bind("level", c.level().name())
                .bind("price", c.price()).bind("cover", Parameter.fromOrEmpty(c.coverUrl(), String.class))
                .bind("status", c.status().name())
                .then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<Void> update(CourseRow c) {
        var spec = db.sql("UPDATE course SET title = :title, description = :description, category = :category, "
                        + "training_type = :type, level = :level, price = :price, cover_url = :cover, status = :status, "
                        + "updated_at = now() WHERE id = :id")
                .bind("id", c.id()).bind("title", c.title()).bind("description", c.description())
                .bind("category", c.category()).bind("type", c.trainingType().name()).bind("level", c.level().name())
                .bind("price", c.price()).bind("status", c.status().name());
        spec = spec.bind("cover", Parameter.fromOrEmpty(c.coverUrl(), String.class));
        return spec.then().onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    /** The course, locked for the rest of the transaction (structure changes serialize on it). */
    public Mono<CourseRow> lock(UUID id) {
        return db.sql("SELECT * FROM course c WHERE id = :id FOR UPDATE").bind("id", id)
                .map((row, meta) -> course(row)).one();
    }

    public Mono<CourseRow> find(UUID id) {
        return db.sql("SELECT * FROM course c WHERE id = :id").bind("id", id).map((row, meta) -> course(row)).one();
    }

    public Mono<Page<CourseRow>> search(CatalogFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> binds = new java.util.LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" AND c.status = :status");
            binds.put("status", filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (c.title ILIKE :text OR c.description ILIKE :text)");
            binds.put("text", "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.category() != null) {
            where.append(" AND c.category = :category");
            binds.put("category", filter.category());
        }
        if (filter.level() != null) {
            where.append(" AND c.level = :level");
            binds.put("level", filter.level().name());
        }
        if (filter.trainingType() != null) {
            where.append(" AND c.training_type = :type");
            binds.put("type", filter.trainingType().name());
        }
        if (filter.minPrice() != null) {
            where.append(" AND c.price >= :minPrice");
            binds.put("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.append(" AND c.price <= :maxPrice");
            binds.put("maxPrice", filter.maxPrice());
        }
        var items = db.sql("SELECT * FROM course c" + where + " ORDER BY " + page.orderBy("c.id")
                + " LIMIT " + page.size() + " OFFSET " + page.offset());
        var count = db.sql("SELECT count(*) AS total FROM course c" + where);
        for (var bind : binds.entrySet()) {
            items = items.bind(bind.getKey(), bind.getValue());
            count = count.bind(bind.getKey(), bind.getValue());
        }
        return Mono.zip(items.map((row, meta) -> course(row)).all().collectList(),
                        count.map((row, meta) -> row.get("total", Long.class)).one())
                .map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    public Mono<Void> insertSubject(SubjectRow s) {
        return db.sql("INSERT INTO subject (id, course_id, position, title) VALUES (:id, :course, :position, :title)")
                .bind("id", s.id()).bind("course", s.courseId()).bind("position", s.position()).bind("title", s.title())
                .then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<SubjectRow> findSubject(UUID id) {
        return db.sql("SELECT * FROM subject WHERE id = :id").bind("id", id)
                .map((row, meta) -> new SubjectRow(row.get("id", UUID.class), row.get("course_id", UUID.class),
                        row.get("position", Integer.class), row.get("title", String.class)))
                .one();
    }

    public Flux<SubjectRow> subjects(UUID courseId) {
        return db.sql("SELECT * FROM subject WHERE course_id = :course ORDER BY position").bind("course", courseId)
                .map((row, meta) -> new SubjectRow(row.get("id", UUID.class), row.get("course_id", UUID.class),
                        row.get("position", Integer.class), row.get("title", String.class)))
                .all();
    }

    public Mono<Long> deleteSubject(UUID id) {
        return db.sql("DELETE FROM subject WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    public Mono<Void> insertLesson(UUID id, UUID courseId, UUID subjectId, int position, LessonDraft lesson) {
        return bindLesson(db.sql("INSERT INTO lesson (id, course_id, subject_id, position, title, vimeo_video_id, "
                        + "duration_seconds, recognised_seconds, thumbnail_url, materials) VALUES (:id, :course, :subject, "
                        + ":position, :title, :video, :duration, :recognised, :thumbnail, CAST(:materials AS jsonb))")
                .bind("id", id).bind("course", courseId).bind("subject", subjectId).bind("position", position), lesson)
                .then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<Void> updateLesson(UUID id, LessonDraft lesson) {
        return bindLesson(db.sql("UPDATE lesson SET title = :title, vimeo_video_id = :video, duration_seconds = :duration, "
                        + "recognised_seconds = :recognised, thumbnail_url = :thumbnail, materials = CAST(:materials AS jsonb) "
                        + "WHERE id = :id").bind("id", id), lesson)
                .then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    private DatabaseClient.GenericExecuteSpec bindLesson(DatabaseClient.GenericExecuteSpec spec, LessonDraft lesson) {
        spec = spec.bind("title", lesson.title())
                .bind("materials", json.writeValueAsString(lesson.materials().stream()
                        .map(m -> Map.of("name", m.name(), "url", m.url().toString())).toList()));
        spec = spec.bind("video", Parameter.fromOrEmpty(lesson.videoId(), String.class));
        spec = spec.bind("duration", Parameter.fromOrEmpty(lesson.durationSeconds(), Integer.class));
        spec = spec.bind("recognised", Parameter.fromOrEmpty(lesson.recognisedSeconds(), Integer.class));
        spec = spec.bind("thumbnail", Parameter.fromOrEmpty(lesson.thumbnailUrl(), String.class));
        return spec;
    }

    public Mono<LessonRow> findLesson(UUID id) {
        return db.sql("SELECT * FROM lesson WHERE id = :id").bind("id", id).map((row, meta) -> lesson(row)).one();
    }

    /** Lessons of a course in course order (subject position, then lesson position). */
    public Flux<LessonRow> lessons(UUID courseId) {
        return db.sql("SELECT l.* FROM lesson l JOIN subject s ON s.id = l.subject_id WHERE l.course_id = :course "
                        + "ORDER BY s.position, l.position")
                .bind("course", courseId).map((row, meta) -> lesson(row)).all();
    }

    public Mono<Long> deleteLesson(UUID id) {
        return db.sql("DELETE FROM lesson WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static CourseRow course(io.r2dbc.spi.Readable row) {
        return new CourseRow(row.get("id", UUID.class), row.get("title", String.class), row.get("description", String.class),
                row.get("category", String.class), TrainingType.valueOf(row.get("training_type", String.class)),
                CourseLevel.valueOf(row.get("level", String.class)), row.get("price", Long.class),
                row.get("cover_url", String.class), CourseStatus.valueOf(row.get("status", String.class)));
    }

    private LessonRow lesson(io.r2dbc.spi.Readable row) {
        List<Map<String, String>> raw = json.readValue(row.get("materials", String.class),
                new TypeReference<List<Map<String, String>>>() { });
        List<Material> materials = new ArrayList<>();
        raw.forEach(m -> materials.add(new Material(m.get("name"), java.net.URI.create(m.get("url")))));
        return new LessonRow(row.get("id", UUID.class), row.get("course_id", UUID.class), row.get("subject_id", UUID.class),
                row.get("position", Integer.class), row.get("title", String.class), row.get("vimeo_video_id", String.class),
                row.get("duration_seconds", Integer.class), row.get("recognised_seconds", Integer.class),
                row.get("thumbnail_url", String.class), materials);
    }
}
