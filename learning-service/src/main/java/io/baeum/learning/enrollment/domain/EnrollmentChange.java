package io.baeum.learning.enrollment.domain;

import java.util.List;
import java.util.Objects;

/** The result of an enrollment transition: the new state and the events it caused (none when nothing changed). */
public record EnrollmentChange(Enrollment enrollment, List<EnrollmentEvent> events) {

    public EnrollmentChange {
        Objects.requireNonNull(enrollment, "enrollment");
        events = List.copyOf(events);
    }

    static EnrollmentChange of(Enrollment enrollment, EnrollmentEvent... events) {
        return new EnrollmentChange(enrollment, List.of(events));
    }
}
