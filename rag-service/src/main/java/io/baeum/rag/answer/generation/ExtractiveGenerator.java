package io.baeum.rag.answer.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;

import io.baeum.rag.retrieval.Passage;
import io.baeum.rag.text.Morphemes;

/**
 * The answer without a model, and labelled as such: the sentences of the best passages that share the
 * most morphemes with the question, quoted verbatim in passage order, after a label saying that this
 * is an excerpt. Document text is only ever quoted here, never interpreted (R2).
 */
public final class ExtractiveGenerator implements AnswerGenerator {

    public static final String LABEL = "[자료 발췌 답변] 생성 모델 없이 관련 자료의 문장을 그대로 옮겼습니다.\n";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!。？！])\\s+");
    private static final int MAX_SENTENCES = 3;

    @Override
    public String mode() {
        return "EXTRACTIVE";
    }

    @Override
    public Flux<String> answer(String question, List<Passage> passages) {
        return Flux.defer(() -> {
            Set<String> asked = new HashSet<>(Morphemes.nori().of(question));
            record Candidate(int passage, int position, String sentence, double score) {
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int p = 0; p < Math.min(3, passages.size()); p++) {
                String[] sentences = SENTENCE_END.split(passages.get(p).content());
                for (int s = 0; s < sentences.length; s++) {
                    Set<String> words = new HashSet<>(Morphemes.nori().of(sentences[s]));
                    long shared = asked.stream().filter(words::contains).count();
                    // earlier passages rank higher; a sentence with no shared morpheme still qualifies from the first passage
                    candidates.add(new Candidate(p, s, sentences[s].strip(), shared + (p == 0 ? 0.5 : 0) - p * 0.1));
                }
            }
            List<Candidate> best = candidates.stream().filter(c -> c.score() > 0)
                    .sorted(Comparator.comparingDouble(Candidate::score).reversed()).limit(MAX_SENTENCES)
                    .sorted(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::position)).toList();
            Set<String> seen = new LinkedHashSet<>();
            List<String> pieces = new ArrayList<>();
            pieces.add(LABEL);
            for (Candidate c : best) {
                if (seen.add(c.sentence())) {
                    pieces.add("> " + c.sentence() + " [" + (c.passage() + 1) + "]\n");
                }
            }
            return Flux.fromIterable(pieces);
        });
    }
}
