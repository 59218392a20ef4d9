package io.baeum.learning.course.domain;

import java.net.URI;
import java.util.Objects;

/** A downloadable material of a lesson. */
public record Material(String name, URI url) {
    public Material {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
    }
}
