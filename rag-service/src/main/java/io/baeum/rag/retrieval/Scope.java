package io.baeum.rag.retrieval;

import java.util.List;

import io.baeum.rag.document.domain.Channel;

/**
 * What the asker may read: a channel, and for the study channel the courses (already checked against
 * the asker's access). The filter is part of the SQL of both lists, before any ranking (R1).
 */
public record Scope(Channel channel, List<String> courses) {

    public Scope {
        courses = List.copyOf(courses);
        if (channel == Channel.STUDY && courses.isEmpty()) {
            throw new IllegalArgumentException("the study channel needs at least one course");
        }
    }

    public static Scope support() {
        return new Scope(Channel.SUPPORT, List.of());
    }

    public static Scope study(List<String> courses) {
        return new Scope(Channel.STUDY, courses);
    }
}
