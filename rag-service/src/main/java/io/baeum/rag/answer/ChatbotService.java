package io.baeum.rag.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.common.error.DomainException;
import io.baeum.rag.access.CourseAccess;
import io.baeum.rag.answer.AnswerEvent.Citation;
import io.baeum.rag.answer.generation.AnswerGenerator;
import io.baeum.rag.answer.generation.ExtractiveGenerator;
import io.baeum.rag.answer.persistence.ConversationStore;
import io.baeum.rag.config.RagProperties;
import io.baeum.rag.document.domain.Channel;
import io.baeum.rag.guard.EvaluationGuard;
import io.baeum.rag.guard.EvaluationGuard.Overlap;
import io.baeum.rag.retrieval.Passage;
import io.baeum.rag.retrieval.RetrievalMode;
import io.baeum.rag.retrieval.Retriever;
import io.baeum.rag.retrieval.Scope;
import io.baeum.rag.text.Redactor;

/**
 * Answers a question on a channel: checks the question (size, course access — R1), refuses items of
 * open evaluations (R4), retrieves in the asker's scope, says "I don't know" below the relevance
 * threshold, otherwise generates (or, without a model or when it fails before its first token, answers
 * extractively), cites, and keeps the turn in the asker's conversation (question redacted, R3).
 */
@Service
public class ChatbotService {

    public static final String NO_ANSWER = "죄송합니다. 제공된 자료에서 질문에 대한 근거를 찾지 못해 모르겠습니다. "
            + "질문을 바꿔 다시 물어보시거나 고객센터에 문의해 주세요.";
    public static final String REFUSED = "진행 중이거나 예정된 평가의 문항과 관련된 질문에는 답변할 수 없습니다.";
    private static final int QUOTE_CHARS = 120;

    private static final Logger log = LoggerFactory.getLogger(ChatbotService.class);

    /** A question as asked. */
    public record Question(String text, @Nullable String courseId, @Nullable UUID conversationId) {
    }

    /** Who asks. */
    public record Asker(String accountId, boolean admin) {
    }

    private final Retriever retriever;
    private final AnswerGenerator generator;
    private final ExtractiveGenerator extractive;
    private final EvaluationGuard guard;
    private final CourseAccess access;
    private final ConversationStore conversations;
    private final RagProperties properties;
    private final MeterRegistry meters;
    private final JsonMapper json = new JsonMapper();

    ChatbotService(Retriever retriever, AnswerGenerator generator, ExtractiveGenerator extractive, EvaluationGuard guard,
                   CourseAccess access, ConversationStore conversations, RagProperties properties, MeterRegistry meters) {
        this.retriever = retriever;
        this.generator = generator;
        this.extractive = extractive;
        this.guard = guard;
        this.access = access;
        this.conversations = conversations;
        this.properties = properties;
        this.meters = meters;
    }

    /** Validates synchronously (errors become 4xx before the stream starts), then streams the answer. */
    public Mono<Flux<AnswerEvent>> ask(Asker asker, String channelKey, Question question) {
        Channel channel = Channel.of(channelKey).orElseThrow(() -> DomainException.notFound("UNKNOWN_CHANNEL",
                "no chatbot channel " + channelKey));
        String text = question.text().strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("QUESTION_EMPTY", "the question is empty");
        }
        if (text.length() > properties.questionMaxChars()) {
            throw DomainException.invalid("QUESTION_TOO_LONG", "the question is longer than " + properties.questionMaxChars()
                    + " characters", properties.questionMaxChars());
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw DomainException.invalid("QUESTION_INVALID", "the question contains control characters");
        }
        String course = question.courseId();
        if (channel == Channel.SUPPORT) {
            course = null;
        } else if (course == null || course.isBlank() || course.length() > 100) {
            throw DomainException.invalid("COURSE_REQUIRED", "the study assistant answers about one of your courses: give courseId");
        }
        String courseId = course;
        Mono<Boolean> allowed = channel == Channel.SUPPORT || asker.admin() ? Mono.just(true) : access.mayRead(asker.accountId(), courseId);
        return allowed.map(ok -> {
            if (!ok) {
                throw DomainException.forbidden("COURSE_NOT_ACCESSIBLE", "you are not enrolled in this course");
            }
            meters.counter("baeum.rag.questions", "channel", channel.key()).increment();
            Scope scope = channel == Channel.SUPPORT ? Scope.support() : Scope.study(List.of(courseId));
            return answer(asker, channel, courseId, scope, text, question.conversationId());
        });
    }

    private Flux<AnswerEvent> answer(Asker asker, Channel channel, @Nullable String courseId, Scope scope, String text,
                                     @Nullable UUID conversationId) {
        String redacted = Redactor.redact(text);
        return guard.question(text).flatMapMany(questionOverlap -> {
            if (questionOverlap.isPresent()) {
                return refuse(asker, channel, courseId, "OPEN_EVALUATION_QUESTION", questionOverlap.get(), redacted);
            }
            return retriever.search(scope, text, RetrievalMode.HYBRID).flatMapMany(passages ->
                    Flux.fromIterable(passages).concatMap(p -> guard.passage(p.content())).filter(Optional::isPresent)
                            .next().map(Optional::get).map(Optional::of).defaultIfEmpty(Optional.empty())
                            .flatMapMany(passageOverlap -> passageOverlap.isPresent()
                                    ? refuse(asker, channel, courseId, "OPEN_EVALUATION_PASSAGE", passageOverlap.get(), redacted)
                                    : respond(asker, channel, courseId, text, redacted, passages, conversationId)));
        });
    }

    private Flux<AnswerEvent> refuse(Asker asker, Channel channel, @Nullable String courseId, String reason, Overlap overlap,
                                     String redacted) {
        log.info("refused a {} question: {} (evaluation {})", channel.key(), reason, overlap.evaluationId());
        return guard.record(asker.accountId(), channel.key(), courseId, reason, overlap, redacted)
                .flatMapMany(id -> Flux.just(new AnswerEvent.Refusal(reason, REFUSED, id), new AnswerEvent.Done(null, "REFUSED")));
    }

    private Flux<AnswerEvent> respond(Asker asker, Channel channel, @Nullable String courseId, String text, String redacted,
                                      List<Passage> passages, @Nullable UUID conversationId) {
        double best = passages.stream().mapToDouble(Passage::relevance).max().orElse(0);
        if (best < properties.retrieval().minRelevance()) {
            meters.counter("baeum.rag.answers", "mode", "NO_ANSWER").increment();
            return Flux.<AnswerEvent>just(new AnswerEvent.Token(NO_ANSWER), new AnswerEvent.Citations(List.of()))
                    .concatWith(save(conversationId, asker, channel, courseId, redacted, NO_ANSWER, "NO_ANSWER", best, List.of()));
        }
        List<Passage> cited = passages.stream()
                .filter(p -> p.relevance() >= properties.retrieval().minRelevance() / 2).toList();
        StringBuilder answer = new StringBuilder();
        AtomicBoolean started = new AtomicBoolean();
        String[] mode = {generator.mode()};
        Flux<String> tokens = generator.answer(text, cited)
                .doOnNext(t -> started.set(true))
                .onErrorResume(e -> {
                    if (started.get()) {
                        return Flux.error(e);
                    }
                    log.warn("answer generation unavailable, answering extractively: {}", e.toString());
                    mode[0] = extractive.mode();
                    return extractive.answer(text, cited);
                });
        List<Citation> citations = citations(cited);
        return tokens.doOnNext(answer::append).<AnswerEvent>map(AnswerEvent.Token::new)
                .concatWith(Flux.just(new AnswerEvent.Citations(citations)))
                .concatWith(Flux.defer(() -> {
                    meters.counter("baeum.rag.answers", "mode", mode[0]).increment();
                    return save(conversationId, asker, channel, courseId, redacted, answer.toString(), mode[0], best, citations);
                }));
    }

    private Flux<AnswerEvent> save(@Nullable UUID conversationId, Asker asker, Channel channel, @Nullable String courseId,
                                   String redacted, String answer, String mode, double best, List<Citation> citations) {
        return conversations.append(conversationId, asker.accountId(), channel.key(), courseId, redacted, answer, mode, best,
                        json.writeValueAsString(citations))
                .map(id -> (AnswerEvent) new AnswerEvent.Done(id, mode)).flux();
    }

    private static List<Citation> citations(List<Passage> passages) {
        List<Citation> out = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            String quote = p.content().length() <= QUOTE_CHARS ? p.content() : p.content().substring(0, QUOTE_CHARS) + "…";
            out.add(new Citation(i + 1, p.documentId(), p.title(), p.courseId(), p.lessonId(), p.page(), p.section(), quote));
        }
        return out;
    }
}
