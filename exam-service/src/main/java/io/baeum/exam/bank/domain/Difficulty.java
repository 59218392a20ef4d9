package io.baeum.exam.bank.domain;

import java.util.Optional;

/** 상/중/하. */
public enum Difficulty {
    HIGH("상"), MEDIUM("중"), LOW("하");

    private final String label;

    Difficulty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Difficulty> fromLabel(String text) {
        String t = text.strip();
        for (Difficulty d : values()) {
            if (d.label.equals(t) || d.name().equalsIgnoreCase(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
