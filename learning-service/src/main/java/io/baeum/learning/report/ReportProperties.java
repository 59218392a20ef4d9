package io.baeum.learning.report;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reports' configuration ({@code baeum.learning.report.*}).
 *
 * @param font a TrueType font with Hangul glyphs for the PDF: Debian's fonts-nanum (deploy/local/install.sh installs it)
 */
@Validated
@ConfigurationProperties("baeum.learning.report")
public record ReportProperties(@DefaultValue("/usr/share/fonts/truetype/nanum/NanumGothic.ttf") @NotNull Path font) {
}
