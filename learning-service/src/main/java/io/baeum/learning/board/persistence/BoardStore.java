package io.baeum.learning.board.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import io.baeum.learning.board.domain.BoardKind;
import io.baeum.learning.board.domain.BoardPost;
import io.baeum.learning.board.domain.BoardReply;
import io.baeum.learning.board.domain.EntryStatus;
import io.baeum.learning.board.domain.Reader;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/**
 * Posts and replies in PostgreSQL. Lists apply the same visibility as {@link Reader#sees} in SQL (deleted
 * never; hidden and private only to their author and the course's staff), so a page holds only what the
 * reader may see and the total counts only that.
 */
@Repository
public class BoardStore {

    public static final Map<String, String> POST_SORTS = Map.of("createdAt", "p.created_at", "updatedAt", "p.updated_at",
            "title", "p.title", "replyCount", "p.reply_count");
    public static final Map<String, String> REPLY_SORTS = Map.of("createdAt", "r.created_at");

    /** The reader's visibility over an aliased table with author_id, status (and private). */
    private static final String VISIBLE = " AND %1$s.status <> 'DELETED' AND (:moderator OR %1$s.status = 'VISIBLE' "
            + "OR %1$s.author_id = :reader)";
    private static final String NOT_PRIVATE = " AND (:moderator OR NOT p.private OR p.author_id = :reader)";

    private final DatabaseClient db;

    BoardStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(BoardPost p) {
        return db.sql("INSERT INTO board_post (id, course_id, board, author_id, title, body, private, status, moderated_by, "
                        + "moderated_at, moderation_note, reply_count, answered_at, created_at, updated_at) VALUES (:id, :course, "
                        + ":board, :author, :title, :body, :private, :status, :mby, :mat, :mnote, :replies, :answered, :created, :updated)")
                .bindValues(values(p)).then();
    }

    public Mono<Void> update(BoardPost p) {
        return db.sql("UPDATE board_post SET title = :title, body = :body, private = :private, status = :status, "
                        + "moderated_by = :mby, moderated_at = :mat, moderation_note = :mnote, reply_count = :replies, "
                        + "answered_at = :answered, updated_at = :updated, version = version + 1 WHERE id = :id "
                        + "AND course_id IS NOT DISTINCT FROM :course AND board = :board AND author_id = :author AND created_at = :created")
                .bindValues(values(p)).then();
    }

    public Mono<BoardPost> findPost(UUID id) {
        return db.sql("SELECT * FROM board_post WHERE id = :id").bind("id", id).map((row, meta) -> post(row)).one();
    }

    /** Locks the post (replies update its count and answer time). */
    public Mono<BoardPost> lockPost(UUID id) {
        return db.sql("SELECT * FROM board_post WHERE id = :id FOR UPDATE").bind("id", id).map((row, meta) -> post(row)).one();
    }

    /** Posts of a course's board ({@code courseId} null: the global notices) that the reader sees. */
    public Mono<Page<BoardPost>> posts(@Nullable UUID courseId, BoardKind board, Reader reader, PageRequest page) {
        // two forms so that each uses its index (board_post_list_idx, board_post_global_idx)
        String where = " FROM board_post p WHERE " + (courseId == null ? "p.course_id IS NULL" : "p.course_id = :course")
                + " AND p.board = :board" + String.format(VISIBLE, "p") + NOT_PRIVATE;
        var items = bindReader(db.sql("SELECT p.*" + where + " ORDER BY " + page.orderBy("p.id") + " LIMIT " + page.size()
                + " OFFSET " + page.offset()), reader).bind("board", board.name());
        var count = bindReader(db.sql("SELECT count(*) AS total" + where), reader).bind("board", board.name());
        if (courseId != null) {
            items = items.bind("course", courseId);
            count = count.bind("course", courseId);
        }
        return Mono.zip(items.map((row, meta) -> post(row)).all().collectList(),
                count.map((row, meta) -> row.get("total", Long.class)).one()).map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    public Mono<Void> insert(BoardReply r) {
        return db.sql("INSERT INTO board_reply (id, post_id, author_id, body, answer, status, moderated_by, moderated_at, "
                + "moderation_note, created_at, updated_at) VALUES (:id, :post, :author, :body, :answer, :status, :mby, :mat, "
                + ":mnote, :created, :updated)").bindValues(values(r)).then();
    }

    public Mono<Void> update(BoardReply r) {
        return db.sql("UPDATE board_reply SET body = :body, status = :status, moderated_by = :mby, moderated_at = :mat, "
                + "moderation_note = :mnote, updated_at = :updated, version = version + 1 WHERE id = :id AND post_id = :post "
                + "AND author_id = :author AND answer = :answer AND created_at = :created").bindValues(values(r)).then();
    }

    public Mono<BoardReply> findReply(UUID id) {
        return db.sql("SELECT * FROM board_reply WHERE id = :id").bind("id", id).map((row, meta) -> reply(row)).one();
    }

    public Mono<Page<BoardReply>> replies(UUID postId, Reader reader, PageRequest page) {
        String where = " FROM board_reply r WHERE r.post_id = :post" + String.format(VISIBLE, "r");
        var items = bindReader(db.sql("SELECT r.*" + where + " ORDER BY " + page.orderBy("r.id") + " LIMIT " + page.size()
                + " OFFSET " + page.offset()), reader).bind("post", postId);
        var count = bindReader(db.sql("SELECT count(*) AS total" + where), reader).bind("post", postId);
        return Mono.zip(items.map((row, meta) -> reply(row)).all().collectList(),
                count.map((row, meta) -> row.get("total", Long.class)).one()).map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    private static DatabaseClient.GenericExecuteSpec bindReader(DatabaseClient.GenericExecuteSpec spec, Reader reader) {
        return spec.bind("moderator", reader.moderates()).bind("reader", reader.accountId());
    }

    private static Map<String, Parameter> values(BoardPost p) {
        var v = new java.util.HashMap<String, Parameter>();
        v.put("id", Parameter.from(p.id()));
        v.put("course", Parameter.fromOrEmpty(p.courseId(), UUID.class));
        v.put("board", Parameter.from(p.board().name()));
        v.put("author", Parameter.from(p.authorId()));
        v.put("title", Parameter.from(p.title()));
        v.put("body", Parameter.from(p.body()));
        v.put("private", Parameter.from(p.privatePost()));
        v.put("status", Parameter.from(p.status().name()));
        v.put("mby", Parameter.fromOrEmpty(p.moderatedBy(), String.class));
        v.put("mat", time(p.moderatedAt()));
        v.put("mnote", Parameter.fromOrEmpty(p.moderationNote(), String.class));
        v.put("replies", Parameter.from(p.replyCount()));
        v.put("answered", time(p.answeredAt()));
        v.put("created", time(p.createdAt()));
        v.put("updated", time(p.updatedAt()));
        return v;
    }

    private static Map<String, Parameter> values(BoardReply r) {
        var v = new java.util.HashMap<String, Parameter>();
        v.put("id", Parameter.from(r.id()));
        v.put("post", Parameter.from(r.postId()));
        v.put("author", Parameter.from(r.authorId()));
        v.put("body", Parameter.from(r.body()));
        v.put("answer", Parameter.from(r.answer()));
        v.put("status", Parameter.from(r.status().name()));
        v.put("mby", Parameter.fromOrEmpty(r.moderatedBy(), String.class));
        v.put("mat", time(r.moderatedAt()));
        v.put("mnote", Parameter.fromOrEmpty(r.moderationNote(), String.class));
        v.put("created", time(r.createdAt()));
        v.put("updated", time(r.updatedAt()));
        return v;
    }

    static Parameter time(@Nullable Instant at) {
        return Parameter.fromOrEmpty(at == null ? null : at.atOffset(ZoneOffset.UTC), OffsetDateTime.class);
    }

    static @Nullable Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static BoardPost post(Readable row) {
        return new BoardPost(row.get("id", UUID.class), row.get("course_id", UUID.class), BoardKind.valueOf(row.get("board", String.class)),
                row.get("author_id", String.class), row.get("title", String.class), row.get("body", String.class),
                Boolean.TRUE.equals(row.get("private", Boolean.class)), EntryStatus.valueOf(row.get("status", String.class)),
                row.get("moderated_by", String.class), instant(row, "moderated_at"), row.get("moderation_note", String.class),
                row.get("reply_count", Integer.class), instant(row, "answered_at"), instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    static BoardReply reply(Readable row) {
        return new BoardReply(row.get("id", UUID.class), row.get("post_id", UUID.class), row.get("author_id", String.class),
                row.get("body", String.class), Boolean.TRUE.equals(row.get("answer", Boolean.class)),
                EntryStatus.valueOf(row.get("status", String.class)), row.get("moderated_by", String.class),
                instant(row, "moderated_at"), row.get("moderation_note", String.class), instant(row, "created_at"),
                instant(row, "updated_at"));
    }
}
