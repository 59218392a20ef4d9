package io.baeum.exam.bank.domain;

import java.util.Optional;

/** What kind of question an item is, with the labels the Excel sheet uses. */
public enum ItemType {
    SINGLE_CHOICE("단일선택", "객관식"),
    MULTIPLE_CHOICE("복수선택", "다답형"),
    SHORT_ANSWER("단답형", "주관식"),
    ESSAY("서술형", "논술형");

    private final String label;
    private final String alias;

    ItemType(String label, String alias) {
        this.label = label;
        this.alias = alias;
    }

    public String label() {
        return label;
    }

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Graded by a person (or, for short answers, by a person when no accepted answer matched). */
    public boolean needsManualGrading() {
        return this == ESSAY;
    }

    public static Optional<ItemType> fromLabel(String text) {
        String t = text.strip();
        for (ItemType type : values()) {
            if (type.label.equals(t) || type.alias.equals(t) || type.name().equalsIgnoreCase(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
