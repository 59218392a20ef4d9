package io.baeum.auth.terms.domain;

import java.time.Instant;
import java.util.UUID;

/** One version of a term (약관); the current version of a code is the latest already in effect. */
public record Term(UUID id, String code, int version, String title, String contentUrl, boolean required,
        Instant effectiveAt) {
}
