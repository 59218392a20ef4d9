package io.baeum.rag.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything rag-service reads from configuration ({@code baeum.rag.*}). The defaults need no setup:
 * offline embedder, extractive answers.
 *
 * @param questionMaxChars longest accepted question
 * @param documentMaxBytes largest accepted document upload
 * @param chunking         passage sizes
 * @param retrieval        hybrid search
 * @param embedding        the embedding adapter
 * @param chat             the answer-generation adapter
 * @param sweeper          the background indexer
 * @param guard            evaluation-item refusals (R4)
 * @param conversations    conversation retention
 * @param events           the rag-events consumer
 */
@Validated
@ConfigurationProperties("baeum.rag")
public record RagProperties(
        @DefaultValue("1000") @Min(10) @Max(10_000) int questionMaxChars,
        @DefaultValue("10485760") @Min(1024) int documentMaxBytes,
        @DefaultValue @Valid Chunking chunking,
        @DefaultValue @Valid Retrieval retrieval,
        @DefaultValue @Valid Embedding embedding,
        @DefaultValue @Valid Chat chat,
        @DefaultValue @Valid Sweeper sweeper,
        @DefaultValue @Valid Guard guard,
        @DefaultValue @Valid Conversations conversations,
        @DefaultValue @Valid Events events) {

    /**
     * @param maxChars     longest passage
     * @param overlapChars sentences carried into the next passage of a section, up to this many characters
     */
    public record Chunking(@DefaultValue("450") @Min(50) int maxChars, @DefaultValue("90") @Min(0) int overlapChars) {
    }

    /**
     * @param topK          passages returned (and cited)
     * @param candidates    passages taken from each of the lexical and vector lists before fusion
     * @param rrfK          the k of reciprocal rank fusion
     * @param minRelevance  below this best relevance (query-morpheme coverage or cosine) the answer is "I don't know"
     * @param trigramThreshold pg_trgm similarity (over jamo) from which a known morpheme stands in for
     *                      an unknown one of the question (typos, partial words)
     * @param efSearch      HNSW ef_search
     */
    public record Retrieval(
            @DefaultValue("5") @Min(1) @Max(20) int topK,
            @DefaultValue("40") @Min(5) @Max(500) int candidates,
            @DefaultValue("60") @Min(1) int rrfK,
            @DefaultValue("0.34") @DecimalMin("0") @DecimalMax("1") double minRelevance,
            @DefaultValue("0.4") @DecimalMin("0.1") @DecimalMax("1") double trigramThreshold,
            @DefaultValue("80") @Min(10) @Max(1000) int efSearch) {
    }

    /**
     * @param adapter {@code offline} (feature-hashed lexical vectors, docs/rag.md) or {@code openai}
     *                (any OpenAI-compatible {@code /v1/embeddings}; it must honour {@code dimensions: 512})
     * @param baseUrl the API's base URL (without {@code /v1})
     * @param apiKey  bearer key; production: BAEUM_RAG_EMBEDDING_API_KEY
     * @param model   model name sent to the API
     * @param timeout per call
     */
    public record Embedding(
            @DefaultValue("offline") @NotBlank String adapter,
            @Nullable URI baseUrl,
            @Nullable String apiKey,
            @DefaultValue("text-embedding-3-small") @NotBlank String model,
            @DefaultValue("10s") @NotNull Duration timeout) {

        @Override
        public String toString() {
            return "Embedding[adapter=" + adapter + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey=<redacted>]";
        }
    }

    /**
     * @param adapter          {@code extractive} (no model: sentences from the best passages, labelled) or
     *                         {@code openai} (any OpenAI-compatible streaming {@code /v1/chat/completions})
     * @param baseUrl          the API's base URL (without {@code /v1})
     * @param apiKey           bearer key; production: BAEUM_RAG_CHAT_API_KEY
     * @param model            model name
     * @param firstTokenTimeout how long to wait for the first token before answering extractively
     * @param maxTokens        answer length limit
     */
    public record Chat(
            @DefaultValue("extractive") @NotBlank String adapter,
            @Nullable URI baseUrl,
            @Nullable String apiKey,
            @DefaultValue("gpt-4o-mini") @NotBlank String model,
            @DefaultValue("10s") @NotNull Duration firstTokenTimeout,
            @DefaultValue("600") @Min(16) int maxTokens) {

        @Override
        public String toString() {
            return "Chat[adapter=" + adapter + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey=<redacted>]";
        }
    }

    /**
     * @param enabled  whether this instance sweeps (every instance may: documents are claimed with SKIP LOCKED and a lease)
     * @param interval pause between passes when nothing was pending
     * @param batch    documents claimed per pass
     * @param lease    how long a claimed document stays with its instance (a crashed instance's claim expires)
     */
    public record Sweeper(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration interval,
            @DefaultValue("4") @Min(1) @Max(100) int batch,
            @DefaultValue("2m") @NotNull Duration lease) {
    }

    /** @param overlapThreshold share of an evaluation item's shingles (or of the question's) that triggers a refusal */
    public record Guard(@DefaultValue("0.5") @DecimalMin("0.05") @DecimalMax("1") double overlapThreshold,
                        @DefaultValue("3") @Min(1) int minSharedShingles) {
    }

    /** @param retention how long conversations are kept after their last turn */
    public record Conversations(@DefaultValue("90d") @NotNull Duration retention,
                                @DefaultValue("1h") @NotNull Duration purgeInterval) {
    }

    /**
     * @param queue           this service's domain-event queue
     * @param deadLetterQueue where malformed events go, with their reason
     */
    public record Events(@DefaultValue("rag-events") @NotBlank String queue,
                         @DefaultValue("rag-events-dlq") @NotBlank String deadLetterQueue) {
    }
}
