package io.baeum.rag.answer.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.rag.answer.AnswerEvent;
import io.baeum.rag.answer.ChatbotService;

/** Questions to a channel ({@code support} or {@code study}); the answer streams as Server-Sent Events. */
@RestController
class ChatbotController {

    /**
     * @param question       the question (1..1000 characters)
     * @param courseId       the study channel's course (one the asker is enrolled in); ignored by support
     * @param conversationId continue this conversation of the asker's (a new one when absent)
     */
    record QuestionRequest(@NotNull @Size(max = 10_000) String question, @Nullable @Size(max = 100) String courseId,
                           @Nullable UUID conversationId) {
    }

    private final ChatbotService chatbot;

    ChatbotController(ChatbotService chatbot) {
        this.chatbot = chatbot;
    }

    @Operation(summary = "Ask a question; the answer streams as events: token*, citations, done (or refusal, done)")
    @PostMapping(value = "/api/v1/chatbot/{channel}/questions", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> ask(@PathVariable String channel, @Valid @RequestBody QuestionRequest request,
                                      @AuthenticationPrincipal VerifiedAccessToken token) {
        ChatbotService.Asker asker = new ChatbotService.Asker(token.subject(), token.hasRole("ADMIN"));
        return Mono.defer(() -> chatbot.ask(asker, channel,
                        new ChatbotService.Question(request.question(), request.courseId(), request.conversationId())))
                .flatMapMany(events -> events)
                .map(ChatbotController::event);
    }

    private static ServerSentEvent<Object> event(AnswerEvent event) {
        Object data = switch (event) {
            case AnswerEvent.Token t -> t;
            case AnswerEvent.Citations c -> c.items();
            case AnswerEvent.Refusal r -> r;
            case AnswerEvent.Done d -> d;
        };
        return ServerSentEvent.builder(data).event(event.name()).build();
    }
}
