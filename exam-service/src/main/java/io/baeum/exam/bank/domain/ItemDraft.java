package io.baeum.exam.bank.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The content of an item before it is stored: what an author typed or a sheet row held. {@link #problems()}
 * lists everything wrong with it at once (an import reports every problem of every row).
 */
public record ItemDraft(
        String courseId,
        @Nullable String subject,
        ItemType type,
        Difficulty difficulty,
        String stem,
        List<String> choices,
        AnswerKey key,
        int points,
        @Nullable String explanation,
        List<String> tags) {

    public static final int MAX_CHOICES = 5;
    public static final int MAX_STEM = 4000;
    public static final int MAX_POINTS = 100;

    public ItemDraft {
        choices = List.copyOf(choices);
        tags = List.copyOf(new TreeSet<>(tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList()));
    }

    /** One thing wrong with a draft: the field (sheet column name) and a stable code. */
    public record Problem(String field, ItemProblem code) {
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (courseId.isBlank() || courseId.length() > 64) {
            problems.add(new Problem("과정", ItemProblem.COURSE_REQUIRED));
        }
        if (stem.isBlank() || stem.length() > MAX_STEM) {
            problems.add(new Problem("문제", ItemProblem.STEM_REQUIRED));
        }
        if (hasControlCharacters(stem) || explanation != null && hasControlCharacters(explanation)) {
            problems.add(new Problem("문제", ItemProblem.CONTROL_CHARACTERS));
        }
        if (points < 1 || points > MAX_POINTS) {
            problems.add(new Problem("배점", ItemProblem.POINTS_OUT_OF_RANGE));
        }
        if (type.hasChoices()) {
            if (choices.size() < 2 || choices.size() > MAX_CHOICES || choices.stream().anyMatch(String::isBlank)) {
                problems.add(new Problem("보기", ItemProblem.CHOICES_REQUIRED));
            }
            if (key.choices().isEmpty() || key.choices().stream().anyMatch(c -> c < 1 || c > choices.size())) {
                problems.add(new Problem("정답", ItemProblem.ANSWER_OUT_OF_RANGE));
            } else if (type == ItemType.SINGLE_CHOICE && key.choices().size() != 1) {
                problems.add(new Problem("정답", ItemProblem.SINGLE_ANSWER_EXPECTED));
            }
        } else if (!choices.isEmpty()) {
            problems.add(new Problem("보기", ItemProblem.CHOICES_NOT_ALLOWED));
        }
        if (type == ItemType.SHORT_ANSWER && key.accepted().stream().allMatch(a -> ShortAnswers.normalise(a).isEmpty())) {
            problems.add(new Problem("정답", ItemProblem.ACCEPTED_ANSWER_REQUIRED));
        }
        if (tags.size() > 20 || tags.stream().anyMatch(t -> t.length() > 40)) {
            problems.add(new Problem("태그", ItemProblem.TAGS_TOO_MANY));
        }
        return problems;
    }

    /**
     * A fingerprint of the content: the same row imported twice has the same hash, so the second
     * import finds the item and changes nothing.
     */
    public String contentHash() {
        String canonical = String.join("\u001f", courseId, subject == null ? "" : subject, type.name(), difficulty.name(),
                stem.strip(), String.join("\u001e", choices), key.text(), Integer.toString(points),
                explanation == null ? "" : explanation.strip(), String.join("\u001e", tags));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /** Parses {@code 2} or {@code 1,3} (choice numbers); null when it is not such a list. */
    public static @Nullable Set<Integer> choiceNumbers(String text) {
        Set<Integer> numbers = new TreeSet<>();
        for (String part : text.split("[,，]")) {
            String p = part.strip();
            if (!p.matches("[0-9]{1,2}")) {
                return null;
            }
            numbers.add(Integer.parseInt(p));
        }
        return numbers;
    }
}
