package io.baeum.rag.answer.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/** Conversations per account (questions stored redacted) and the unanswered-questions list. */
@Repository
public class ConversationStore {

    /** An unanswered question, for the FAQ editors. */
    public record Unanswered(UUID turnId, String question, @Nullable String courseId, Instant askedAt) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    ConversationStore(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Appends a turn to the account's conversation (a new one when {@code conversationId} is null or not the
     * account's in this channel); the conversation's id.
     */
    public Mono<UUID> append(@Nullable UUID conversationId, String accountId, String channel, @Nullable String courseId,
                             String question, String answer, String mode, double topScore, String citationsJson) {
        Mono<UUID> conversation = (conversationId == null ? Mono.<UUID>empty()
                : db.sql("UPDATE conversation SET last_at = now() WHERE id = :id AND account_id = :a AND channel = :ch RETURNING id")
                .bind("id", conversationId).bind("a", accountId).bind("ch", channel).map(r -> r.get("id", UUID.class)).one())
                .switchIfEmpty(Mono.defer(() -> {
                    UUID id = UUID.randomUUID();
                    DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO conversation (id, account_id, channel, course_id) "
                            + "VALUES (:id, :a, :ch, :c)").bind("id", id).bind("a", accountId).bind("ch", channel);
                    spec = courseId == null ? spec.bindNull("c", String.class) : spec.bind("c", courseId);
                    return spec.fetch().rowsUpdated().thenReturn(id);
                }));
        return conversation.flatMap(id -> db.sql("INSERT INTO conversation_turn (id, conversation_id, question, answer, mode, top_score, "
                                + "citations) VALUES (:t, :c, :q, :ans, :m, :s, CAST(:cit AS jsonb))")
                        .bind("t", UUID.randomUUID()).bind("c", id).bind("q", question).bind("ans", answer).bind("m", mode)
                        .bind("s", (float) topScore).bind("cit", citationsJson).fetch().rowsUpdated().thenReturn(id))
                .as(tx::transactional);
    }

    /** The channel's questions answered with "I don't know", newest first. */
    public Mono<List<Unanswered>> unanswered(String channel, int page, int size) {
        return db.sql("SELECT t.id, t.question, c.course_id, t.created_at FROM conversation_turn t JOIN conversation c ON c.id = t.conversation_id "
                        + "WHERE t.mode = 'NO_ANSWER' AND c.channel = :ch ORDER BY t.created_at DESC, t.id LIMIT :l OFFSET :o")
                .bind("ch", channel).bind("l", size).bind("o", (long) page * size)
                .map(r -> new Unanswered(r.get("id", UUID.class), r.get("question", String.class), r.get("course_id", String.class),
                        r.get("created_at", Instant.class)))
                .all().collectList();
    }

    /** Deletes conversations whose last turn is older than the retention period; how many. */
    public Mono<Long> purge(Duration retention) {
        return db.sql("DELETE FROM conversation WHERE last_at < now() - make_interval(secs => :s)")
                .bind("s", (double) retention.toSeconds()).fetch().rowsUpdated();
    }
}
