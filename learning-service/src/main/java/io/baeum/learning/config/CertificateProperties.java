package io.baeum.learning.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Certificates (수료증), {@code baeum.learning.certificates.*}.
 *
 * @param verifyBaseUrl    the public base the QR code and the printed verification link point to; the link is
 *                         {@code <verifyBaseUrl>/api/v1/certificates/<number>/verification} (the gateway's public route)
 * @param institutionName  the training institution printed on both forms
 * @param institutionCode  its HRD-Net institution code, printed on the HRD form
 * @param fontPath         a TrueType font with Hangul (Debian's fonts-nanum, installed by deploy/local/install.sh)
 * @param sealImage        a PNG of the institution's seal; none: a drawn seal with the institution's name
 * @param holderLookup     auth-service's {@code GET /api/v1/me}, asked with the holder's own token for the name printed
 *                         the first time the holder downloads a certificate
 * @param holderTimeout    per lookup; unanswered: 503 {@code HOLDER_NAME_UNAVAILABLE}
 */
@Validated
@ConfigurationProperties("baeum.learning.certificates")
public record CertificateProperties(
        @DefaultValue("http://localhost:8080") @NotNull URI verifyBaseUrl,
        @DefaultValue("배움 원격평생교육원") @NotBlank String institutionName,
        @DefaultValue("0000000000") @NotBlank String institutionCode,
        @DefaultValue("/usr/share/fonts/truetype/nanum/NanumGothic.ttf") @NotNull Path fontPath,
        @Nullable Path sealImage,
        @DefaultValue("http://127.0.0.1:8081") @NotNull URI holderLookup,
        @DefaultValue("2s") @NotNull Duration holderTimeout) {

    /** The public verification URL of a certificate number. */
    public URI verificationUrl(String number) {
        String base = verifyBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/api/v1/certificates/" + number + "/verification");
    }
}
