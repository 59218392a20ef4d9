package io.baeum.learning.certificate.domain;

import java.util.Locale;

import io.baeum.common.error.DomainException;

/** The two layouts of a certificate PDF: the HRD (고용노동부 원격훈련) form and the institution's free form. */
public enum CertificateForm {
    HRD, FREE;

    public static CertificateForm parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("UNKNOWN_CERTIFICATE_FORM", "form must be HRD or FREE", text);
        }
    }
}
