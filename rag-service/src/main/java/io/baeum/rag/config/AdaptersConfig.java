package io.baeum.rag.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.rag.answer.generation.AnswerGenerator;
import io.baeum.rag.answer.generation.ExtractiveGenerator;
import io.baeum.rag.answer.generation.OpenAiChatGenerator;
import io.baeum.rag.index.Embedder;
import io.baeum.rag.index.embedding.HashedLexicalEmbedder;
import io.baeum.rag.index.embedding.OpenAiEmbedder;

/** The embedding and generation adapters chosen by configuration (offline and extractive by default). */
@Configuration(proxyBeanMethods = false)
class AdaptersConfig {

    @Bean
    Embedder embedder(RagProperties properties) {
        RagProperties.Embedding e = properties.embedding();
        return switch (e.adapter()) {
            case "offline" -> new HashedLexicalEmbedder();
            case "openai" -> {
                if (e.baseUrl() == null) {
                    throw new IllegalStateException("baeum.rag.embedding.base-url is required with the openai adapter");
                }
                yield new OpenAiEmbedder(client(e.baseUrl().toString(), e.apiKey()), e.model(), e.timeout());
            }
            default -> throw new IllegalStateException("baeum.rag.embedding.adapter must be offline or openai");
        };
    }

    @Bean
    ExtractiveGenerator extractiveGenerator() {
        return new ExtractiveGenerator();
    }

    @Bean
    @Primary
    AnswerGenerator answerGenerator(RagProperties properties, ExtractiveGenerator extractive) {
        RagProperties.Chat c = properties.chat();
        return switch (c.adapter()) {
            case "extractive" -> extractive;
            case "openai" -> {
                if (c.baseUrl() == null) {
                    throw new IllegalStateException("baeum.rag.chat.base-url is required with the openai adapter");
                }
                yield new OpenAiChatGenerator(client(c.baseUrl().toString(), c.apiKey()), c.model(), c.maxTokens(),
                        c.firstTokenTimeout());
            }
            default -> throw new IllegalStateException("baeum.rag.chat.adapter must be extractive or openai");
        };
    }

    private static WebClient client(String baseUrl, @org.jspecify.annotations.Nullable String apiKey) {
        WebClient.Builder builder = WebClient.builder().baseUrl(baseUrl);
        if (apiKey != null && !apiKey.isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
        }
        return builder.build();
    }
}
