package io.baeum.learning.board;

import java.nio.file.Path;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The boards ({@code baeum.learning.boards.*}).
 *
 * @param materials course material files
 */
@Validated
@ConfigurationProperties("baeum.learning.boards")
public record BoardProperties(@DefaultValue @Valid Materials materials) {

    /**
     * @param root              the local storage root; unset: {@code <java.io.tmpdir>/baeum-learning-materials} (local runs)
     * @param maxBytes          the largest file accepted (default 50 MiB)
     * @param allowedExtensions the file types accepted, by extension
     */
    public record Materials(
            @Nullable Path root,
            @DefaultValue("52428800") @Min(1) long maxBytes,
            @DefaultValue({"pdf", "zip", "txt", "png", "jpg", "jpeg", "hwp", "docx", "xlsx", "pptx"}) @NotEmpty Set<String> allowedExtensions) {

        public Path rootOrDefault() {
            return root != null ? root : Path.of(System.getProperty("java.io.tmpdir"), "baeum-learning-materials");
        }
    }
}
