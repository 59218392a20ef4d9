package io.baeum.exam.bank.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.baeum.common.error.DomainException;

/**
 * The question-bank sheet: its columns and how a row becomes an {@link ItemDraft}. Reading is all or
 * nothing: {@link #read} returns either every row as a draft or every problem of every row.
 */
public final class ItemSheet {

    public static final List<String> COLUMNS = List.of("유형", "난이도", "과정", "문제", "보기1", "보기2", "보기3", "보기4",
            "보기5", "정답", "배점", "해설", "태그");

    private ItemSheet() {
    }

    /** A row of the sheet: its 1-based number as Excel shows it and its cells as text. */
    public record Row(int number, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }
    }

    /** A problem of one row, for the report: row, column, code, and the reason in Korean and English. */
    public record RowProblem(int row, String field, String code, String ko, String en) {
        static RowProblem of(int row, String field, ItemProblem problem) {
            return new RowProblem(row, field, problem.name(), problem.korean(), problem.english());
        }
    }

    /** Either drafts (no problems) or problems (nothing to import). */
    public record Reading(List<Numbered> drafts, List<RowProblem> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** A draft and the row it came from. */
    public record Numbered(int row, ItemDraft draft) {
    }

    /** Refuses a sheet whose header is not exactly {@link #COLUMNS} (nothing else is looked at). */
    public static void checkHeader(List<String> header) {
        List<String> trimmed = header.stream().map(String::strip).toList();
        int last = trimmed.size();
        while (last > 0 && trimmed.get(last - 1).isEmpty()) {
            last--;
        }
        if (!trimmed.subList(0, last).equals(COLUMNS)) {
            throw DomainException.invalid("SHEET_WRONG_COLUMNS", "the first row must be the columns " + String.join(" | ", COLUMNS),
                    String.join(" | ", COLUMNS));
        }
    }

    public static Reading read(List<Row> rows) {
        List<Numbered> drafts = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            List<RowProblem> rowProblems = new ArrayList<>();
            ItemDraft draft = draft(row, rowProblems);
            if (draft != null && rowProblems.isEmpty()) {
                draft.problems().forEach(p -> rowProblems.add(RowProblem.of(row.number(), p.field(), p.code())));
                if (rowProblems.isEmpty() && seen.putIfAbsent(draft.contentHash(), row.number()) != null) {
                    rowProblems.add(RowProblem.of(row.number(), "문제", ItemProblem.DUPLICATE_ROW));
                }
            }
            if (rowProblems.isEmpty()) {
                drafts.add(new Numbered(row.number(), draft));
            }
            problems.addAll(rowProblems);
        }
        return problems.isEmpty() ? new Reading(drafts, List.of()) : new Reading(List.of(), problems);
    }

    private static ItemDraft draft(Row row, List<RowProblem> problems) {
        int n = row.number();
        var type = ItemType.fromLabel(row.cell(0));
        var difficulty = Difficulty.fromLabel(row.cell(1));
        if (type.isEmpty()) {
            problems.add(RowProblem.of(n, "유형", ItemProblem.TYPE_UNKNOWN));
        }
        if (difficulty.isEmpty()) {
            problems.add(RowProblem.of(n, "난이도", ItemProblem.DIFFICULTY_UNKNOWN));
        }
        Integer points = wholeNumber(row.cell(10));
        if (points == null || points < 1 || points > ItemDraft.MAX_POINTS) {
            problems.add(RowProblem.of(n, "배점", ItemProblem.POINTS_OUT_OF_RANGE));
        }
        List<String> choices = new ArrayList<>();
        for (int c = 4; c <= 8; c++) {
            choices.add(row.cell(c));
        }
        while (!choices.isEmpty() && choices.getLast().isEmpty()) {
            choices.removeLast();
        }
        String answer = row.cell(9);
        AnswerKey key = AnswerKey.none();
        if (type.isPresent() && type.get().hasChoices()) {
            Set<Integer> numbers = ItemDraft.choiceNumbers(answer);
            if (numbers == null) {
                problems.add(RowProblem.of(n, "정답", ItemProblem.ANSWER_OUT_OF_RANGE));
            } else {
                key = AnswerKey.ofChoices(numbers);
            }
        } else if (type.isPresent() && type.get() == ItemType.SHORT_ANSWER) {
            key = AnswerKey.ofAccepted(Arrays.stream(answer.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        String explanation = row.cell(11);
        List<String> tags = Arrays.stream(row.cell(12).split("[,，]")).toList();
        return new ItemDraft(row.cell(2), null, type.get(), difficulty.get(), row.cell(3), choices, key, points,
                explanation.isEmpty() ? null : explanation, tags);
    }

    private static Integer wholeNumber(String text) {
        String t = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        if (!t.matches("[0-9]{1,3}")) {
            return null;
        }
        return Integer.parseInt(t);
    }
}
