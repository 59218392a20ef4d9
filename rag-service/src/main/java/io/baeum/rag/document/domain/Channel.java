package io.baeum.rag.document.domain;

import java.util.Locale;
import java.util.Optional;

/** The two channels on one pipeline. */
public enum Channel {
    /** Customer centre: FAQ entries and notices, for everyone. */
    SUPPORT,
    /** Study assistant: course materials and lesson descriptions, only of the asker's courses. */
    STUDY;

    /** The channel's name in URLs and the database. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> of(String key) {
        for (Channel channel : values()) {
            if (channel.key().equals(key)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
