package io.baeum.exam.bank.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.exam.bank.domain.AnswerKey;
import io.baeum.exam.bank.domain.Difficulty;
import io.baeum.exam.bank.domain.Item;
import io.baeum.exam.bank.domain.ItemDraft;
import io.baeum.exam.bank.domain.ItemType;
import io.baeum.exam.paging.Paging;

/** The question bank in PostgreSQL. Other features read items through it (draws, grading). */
@Repository
public class ItemStore {

    private static final String COLUMNS = "id, family_id, version, current, course_id, subject, type, difficulty, stem, "
            + "choices::text AS choices, answer_key::text AS answer_key, points, explanation, tags, created_by, created_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    ItemStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    record KeyJson(List<Integer> choices, List<String> accepted) {
    }

    /** A slice of the pool a draw picks from. */
    public record PoolFilter(String courseId, @Nullable Difficulty difficulty, @Nullable String tag, @Nullable ItemType type) {
    }

    public Mono<Void> insert(Item item) {
        ItemDraft c = item.content();
        return db.sql("INSERT INTO item (id, family_id, version, current, course_id, subject, type, difficulty, stem, choices, "
                        + "answer_key, points, explanation, tags, content_hash, created_by, created_at) VALUES (:id, :family, :version, "
                        + "true, :course, :subject, :type, :difficulty, :stem, CAST(:choices AS jsonb), CAST(:key AS jsonb), :points, "
                        + ":explanation, :tags, :hash, :by, :at)")
                .bind("id", item.id()).bind("family", item.familyId()).bind("version", item.version())
                .bind("course", c.courseId())
                .bind("type", c.type().name()).bind("difficulty", c.difficulty().name()).bind("stem", c.stem())
                .bind("choices", json.writeValueAsString(c.choices())).bind("key", keyJson(c.key()))
                .bind("points", c.points()).bind("tags", c.tags().toArray(String[]::new)).bind("hash", c.contentHash())
                .bind("by", item.createdBy()).bind("at", item.createdAt())
                .bind("subject", c.subject() == null ? "" : c.subject())
                .bind("explanation", c.explanation() == null ? "" : c.explanation())
                .then();
    }

    /** Changes a version no attempt has shown (the caller checked). */
    public Mono<Void> update(Item item) {
        ItemDraft c = item.content();
        return db.sql("UPDATE item SET course_id = :course, subject = :subject, type = :type, difficulty = :difficulty, stem = :stem, "
                        + "choices = CAST(:choices AS jsonb), answer_key = CAST(:key AS jsonb), points = :points, explanation = :explanation, "
                        + "tags = :tags, content_hash = :hash WHERE id = :id AND current")
                .bind("id", item.id()).bind("course", c.courseId()).bind("subject", c.subject() == null ? "" : c.subject())
                .bind("type", c.type().name()).bind("difficulty", c.difficulty().name()).bind("stem", c.stem())
                .bind("choices", json.writeValueAsString(c.choices())).bind("key", keyJson(c.key())).bind("points", c.points())
                .bind("explanation", c.explanation() == null ? "" : c.explanation())
                .bind("tags", c.tags().toArray(String[]::new)).bind("hash", c.contentHash())
                .then();
    }

    public Mono<Void> retire(UUID id) {
        return db.sql("UPDATE item SET current = false WHERE id = :id").bind("id", id).then();
    }

    public Mono<Item> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM item WHERE id = :id").bind("id", id).map(this::item).one();
    }

    public Flux<Item> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM item WHERE id = ANY(:ids)").bind("ids", ids.toArray(UUID[]::new))
                .map(this::item).all();
    }

    public Mono<Boolean> existsCurrent(String courseId, String contentHash) {
        return db.sql("SELECT 1 FROM item WHERE course_id = :course AND content_hash = :hash AND current")
                .bind("course", courseId).bind("hash", contentHash).map(r -> true).first().defaultIfEmpty(false);
    }

    /** Whether an attempt showed this version (it is then frozen). */
    public Mono<Boolean> usedByAttempts(UUID id) {
        return db.sql("SELECT 1 FROM attempt_item WHERE item_id = :id LIMIT 1").bind("id", id).map(r -> true).first()
                .defaultIfEmpty(false);
    }

    public Mono<Long> poolSize(PoolFilter filter) {
        return filtered("SELECT count(*) AS n FROM item", filter, "").map((r, m) -> r.get("n", Long.class)).one();
    }

    /** The ids of the current items of a pool slice. */
    public Flux<UUID> pool(PoolFilter filter) {
        return filtered("SELECT id FROM item", filter, " ORDER BY id").map((r, m) -> r.get("id", UUID.class)).all();
    }

    public Flux<Item> page(PoolFilter filter, Paging paging) {
        return filtered("SELECT " + COLUMNS + " FROM item", filter, " ORDER BY created_at DESC, id LIMIT " + paging.size()
                + " OFFSET " + paging.offset()).map(this::item).all();
    }

    private DatabaseClient.GenericExecuteSpec filtered(String select, PoolFilter filter, String tail) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE current AND course_id = :course");
        if (filter.difficulty() != null) {
            sql.append(" AND difficulty = :difficulty");
        }
        if (filter.tag() != null) {
            sql.append(" AND :tag = ANY(tags)");
        }
        if (filter.type() != null) {
            sql.append(" AND type = :type");
        }
        var spec = db.sql(sql + tail).bind("course", filter.courseId());
        if (filter.difficulty() != null) {
            spec = spec.bind("difficulty", filter.difficulty().name());
        }
        if (filter.tag() != null) {
            spec = spec.bind("tag", filter.tag());
        }
        if (filter.type() != null) {
            spec = spec.bind("type", filter.type().name());
        }
        return spec;
    }

    private String keyJson(AnswerKey key) {
        return json.writeValueAsString(new KeyJson(new ArrayList<>(key.choices()), key.accepted()));
    }

    private Item item(Readable row) {
        KeyJson key = json.readValue(row.get("answer_key", String.class), KeyJson.class);
        List<String> choices = json.readValue(row.get("choices", String.class), new TypeReference<List<String>>() { });
        String subject = row.get("subject", String.class);
        String explanation = row.get("explanation", String.class);
        String[] tags = row.get("tags", String[].class);
        ItemType type = ItemType.valueOf(row.get("type", String.class));
        AnswerKey answerKey = new AnswerKey(Set.copyOf(key.choices() == null ? List.of() : key.choices()),
                key.accepted() == null ? List.of() : key.accepted());
        ItemDraft draft = new ItemDraft(row.get("course_id", String.class), subject == null || subject.isEmpty() ? null : subject,
                type, Difficulty.valueOf(row.get("difficulty", String.class)), row.get("stem", String.class), choices, answerKey,
                row.get("points", Integer.class), explanation == null || explanation.isEmpty() ? null : explanation,
                tags == null ? List.of() : Arrays.asList(tags));
        return new Item(row.get("id", UUID.class), row.get("family_id", UUID.class), row.get("version", Integer.class),
                Boolean.TRUE.equals(row.get("current", Boolean.class)), draft, row.get("created_by", String.class),
                row.get("created_at", Instant.class));
    }
}
