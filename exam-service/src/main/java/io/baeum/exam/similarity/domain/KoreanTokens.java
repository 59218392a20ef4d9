package io.baeum.exam.similarity.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Korean-aware tokens (Lucene Nori): compounds split into their parts, particles (조사), endings
 * (어미) and punctuation dropped, Hanja read as Hangul, lower case. What is left are the content
 * morphemes, so swapping 은/는 for 이/가 or changing an ending leaves the tokens as they were.
 * Thread-safe: the analyzer reuses one token stream per thread.
 */
public final class KoreanTokens {

    /** A token and where it came from in the original text (for showing passages). */
    public record Token(String term, int start, int end) {
    }

    private final Analyzer analyzer = new KoreanAnalyzer();

    public List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>(text.length() / 3);
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
