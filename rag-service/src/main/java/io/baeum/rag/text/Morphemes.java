package io.baeum.rag.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Korean morphemes by Lucene Nori: compounds are kept <em>and</em> split (mixed mode, so 수강신청 and
 * 수강 신청 share 수강 and 신청), particles and endings are dropped (Nori's default stop tags), Latin
 * terms are lower-cased. The analyzer is thread-safe; one instance serves the whole service.
 */
public final class Morphemes {

    private static final Morphemes INSTANCE = new Morphemes();

    private final Analyzer analyzer = new KoreanAnalyzer(null, KoreanTokenizer.DecompoundMode.MIXED,
            KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, false);

    private Morphemes() {
    }

    public static Morphemes nori() {
        return INSTANCE;
    }

    /** The morphemes of {@code text}, in order, repeats kept; only letters and digits (safe inside a tsquery). */
    public List<String> of(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String token = clean(term.toString());
                if (!token.isEmpty()) {
                    out.add(token);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String clean(String token) {
        StringBuilder out = new StringBuilder(token.length());
        token.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
