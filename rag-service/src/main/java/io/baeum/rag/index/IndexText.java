package io.baeum.rag.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.baeum.rag.text.Morphemes;

/**
 * What the lexical index stores of a passage: its morphemes as text ({@code terms}, for pg_trgm) and
 * as a tsvector literal in the {@code simple} configuration ({@code lexemes}). Title and section are
 * indexed with the passage, so a passage is found by the heading it sits under.
 */
public final class IndexText {

    private IndexText() {
    }

    public static String indexed(String title, String section, String content) {
        return title + "\n" + section + "\n" + content;
    }

    public static String terms(List<String> morphemes) {
        return String.join(" ", morphemes);
    }

    /** A tsvector literal: each distinct morpheme quoted (morphemes hold letters and digits only). */
    public static String lexemes(List<String> morphemes) {
        Set<String> distinct = new LinkedHashSet<>(morphemes);
        StringBuilder out = new StringBuilder();
        for (String m : distinct) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append('\'').append(m).append('\'');
        }
        return out.toString();
    }

    /** A tsquery matching any of the morphemes ({@code 'a' | 'b'}); empty when there are none. */
    public static String anyOf(List<String> morphemes) {
        Set<String> distinct = new LinkedHashSet<>(morphemes);
        StringBuilder out = new StringBuilder();
        for (String m : distinct) {
            if (!out.isEmpty()) {
                out.append(" | ");
            }
            out.append('\'').append(m).append('\'');
        }
        return out.toString();
    }

    public static List<String> morphemes(String text) {
        return Morphemes.nori().of(text);
    }
}
