package io.baeum.rag.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Cuts a document into passages that respect its structure: a passage never spans two sections
 * (Markdown headings, or 제N장/제N절-style headings in plain text and PDFs) or two PDF pages (pages
 * are separated by form feeds), and is made of whole sentences — a sentence ends at . ? ! 。 (다. 요.
 * 까? …) or at a line end. Passages hold at most {@code maxChars} characters (a longer sentence is cut)
 * and start with the last sentences of the previous passage of the same section, up to
 * {@code overlapChars}.
 */
public final class Chunker {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern KOREAN_HEADING = Pattern.compile("^(제\\s*\\d+\\s*[장절부편])\\s*(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!。？！])\\s+");

    private final int maxChars;
    private final int overlapChars;

    public Chunker(int maxChars, int overlapChars) {
        if (maxChars < 50 || overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("maxChars >= 50 and 0 <= overlapChars < maxChars / 2");
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    /** One passage: its position, section path (headings joined by " > "), page (PDFs only) and text. */
    public record Piece(int ordinal, String section, @Nullable Integer page, String content) {
    }

    public List<Piece> split(String body) {
        String[] pages = body.split("\f", -1);
        boolean paged = pages.length > 1;
        List<Piece> out = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        for (int p = 0; p < pages.length; p++) {
            Integer page = paged ? p + 1 : null;
            List<String> sentences = new ArrayList<>();
            for (String raw : pages[p].split("\\R")) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                Heading heading = heading(line);
                if (heading != null) {
                    pack(sentences, path(headings), page, out);
                    sentences.clear();
                    while (!headings.isEmpty() && headings.getLast().level() >= heading.level()) {
                        headings.removeLast();
                    }
                    headings.add(heading);
                    continue;
                }
                for (String sentence : SENTENCE_END.split(stripMarkup(line))) {
                    if (!sentence.isBlank()) {
                        sentences.add(sentence.strip());
                    }
                }
            }
            pack(sentences, path(headings), page, out);
        }
        return out;
    }

    private static String path(List<Heading> headings) {
        return String.join(" > ", headings.stream().map(Heading::title).toList());
    }

    private record Heading(int level, String title) {
    }

    private static @Nullable Heading heading(String line) {
        Matcher markdown = MARKDOWN_HEADING.matcher(line);
        if (markdown.matches()) {
            return new Heading(markdown.group(1).length(), markdown.group(2).strip());
        }
        Matcher korean = KOREAN_HEADING.matcher(line);
        if (korean.matches() && line.length() <= 60) {
            return new Heading(line.contains("절") ? 2 : 1, line);
        }
        return null;
    }

    /** List markers and emphasis go; the words stay. */
    private static String stripMarkup(String line) {
        return line.replaceFirst("^([-*+]|\\d+[.)])\\s+", "").replace("**", "").replace("__", "").replace("`", "");
    }

    private void pack(List<String> sentences, String section, @Nullable Integer page, List<Piece> out) {
        List<String> current = new ArrayList<>();
        int length = 0;
        boolean fresh = false;
        for (String whole : sentences) {
            for (String sentence : cut(whole)) {
                if (length > 0 && length + 1 + sentence.length() > maxChars) {
                    out.add(new Piece(out.size(), section, page, String.join(" ", current)));
                    current = overlap(current);
                    length = String.join(" ", current).length();
                    fresh = false;
                }
                current.add(sentence);
                length += (length > 0 ? 1 : 0) + sentence.length();
                fresh = true;
            }
        }
        if (fresh) {
            out.add(new Piece(out.size(), section, page, String.join(" ", current)));
        }
    }

    private List<String> cut(String sentence) {
        if (sentence.length() <= maxChars - overlapChars - 1) {
            return List.of(sentence);
        }
        List<String> parts = new ArrayList<>();
        int step = maxChars - overlapChars - 1;
        for (int i = 0; i < sentence.length(); i += step) {
            parts.add(sentence.substring(i, Math.min(sentence.length(), i + step)));
        }
        return parts;
    }

    private List<String> overlap(List<String> previous) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (int i = previous.size() - 1; i >= 0; i--) {
            String sentence = previous.get(i);
            if (length + sentence.length() + 1 > overlapChars) {
                break;
            }
            kept.addFirst(sentence);
            length += sentence.length() + 1;
        }
        return kept;
    }
}
