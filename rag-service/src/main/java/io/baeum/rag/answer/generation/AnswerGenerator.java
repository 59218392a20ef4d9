package io.baeum.rag.answer.generation;

import java.util.List;

import reactor.core.publisher.Flux;

import io.baeum.rag.retrieval.Passage;

/** The generation port: an answer to the question from these passages, as a stream of text pieces. */
public interface AnswerGenerator {

    /** GENERATED (a model wrote it) or EXTRACTIVE (sentences copied from the passages). */
    String mode();

    Flux<String> answer(String question, List<Passage> passages);
}
