package io.baeum.auth.terms.domain;

/** A term a member agrees to, by code and version. */
public record TermRef(String code, int version) {
}
