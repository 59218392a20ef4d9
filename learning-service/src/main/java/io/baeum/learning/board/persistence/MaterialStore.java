package io.baeum.learning.board.persistence;

import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import io.baeum.learning.board.domain.CourseMaterial;
import io.baeum.learning.board.domain.EntryStatus;
import io.baeum.learning.board.domain.Reader;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/** Course materials' metadata (the bytes are behind the storage port). */
@Repository
public class MaterialStore {

    public static final Map<String, String> SORTS = Map.of("createdAt", "m.created_at", "title", "m.title",
            "fileName", "m.file_name", "sizeBytes", "m.size_bytes");

    private final DatabaseClient db;

    MaterialStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(CourseMaterial m) {
        return db.sql("INSERT INTO course_material (id, course_id, title, file_name, content_type, size_bytes, sha256, storage_key, "
                        + "uploaded_by, status, created_at, updated_at) VALUES (:id, :course, :title, :file, :type, :size, :sha, :key, "
                        + ":by, :status, :created, :updated)")
                .bind("id", m.id()).bind("course", m.courseId()).bind("title", m.title()).bind("file", m.fileName())
                .bind("type", m.contentType()).bind("size", m.sizeBytes()).bind("sha", m.sha256()).bind("key", m.storageKey())
                .bind("by", m.uploadedBy()).bind("status", m.status().name()).bind("created", BoardStore.time(m.createdAt()))
                .bind("updated", BoardStore.time(m.updatedAt())).then();
    }

    public Mono<Void> updateStatus(CourseMaterial m) {
        return db.sql("UPDATE course_material SET status = :status, updated_at = :updated WHERE id = :id")
                .bind("id", m.id()).bind("status", m.status().name()).bind("updated", BoardStore.time(m.updatedAt())).then();
    }

    public Mono<CourseMaterial> find(UUID id) {
        return db.sql("SELECT * FROM course_material WHERE id = :id").bind("id", id).map((row, meta) -> read(row)).one();
    }

    public Mono<Page<CourseMaterial>> ofCourse(UUID courseId, Reader reader, PageRequest page) {
        String where = " FROM course_material m WHERE m.course_id = :course AND m.status <> 'DELETED' "
                + "AND (:moderator OR m.status = 'VISIBLE')";
        var items = db.sql("SELECT m.*" + where + " ORDER BY " + page.orderBy("m.id") + " LIMIT " + page.size() + " OFFSET "
                + page.offset()).bind("course", courseId).bind("moderator", reader.moderates());
        var count = db.sql("SELECT count(*) AS total" + where).bind("course", courseId).bind("moderator", reader.moderates());
        return Mono.zip(items.map((row, meta) -> read(row)).all().collectList(),
                count.map((row, meta) -> row.get("total", Long.class)).one()).map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    static CourseMaterial read(Readable row) {
        return new CourseMaterial(row.get("id", UUID.class), row.get("course_id", UUID.class), row.get("title", String.class),
                row.get("file_name", String.class), row.get("content_type", String.class), row.get("size_bytes", Long.class),
                row.get("sha256", String.class), row.get("storage_key", String.class), row.get("uploaded_by", String.class),
                EntryStatus.valueOf(row.get("status", String.class)), BoardStore.instant(row, "created_at"),
                BoardStore.instant(row, "updated_at"));
    }
}
