package io.baeum.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unknown routes are permitted (so they answer 404, not 401): therefore every mapped endpoint must
 * fall under a prefix that SecurityConfig protects, or be one of the deliberately public ones.
 */
class SecurityRulesTests {

    static final List<String> PROTECTED = List.of("/api/v1/admin/", "/api/v1/instructor/", "/api/v1/manage/", "/api/v1/me/",
            "/api/v1/enrollments/", "/api/v1/cohorts/", "/api/v1/boards/");
    // /api/v1/certificates/ holds only the public verification behind the certificate QR code (GET, reads only)
    static final List<String> PUBLIC = List.of("/api/v1/catalog/", "/.well-known/jwks.json", "/api/v1/certificates/");

    @Test
    void everyEndpointIsCoveredByASecurityRule() {
        List<String> paths = new ArrayList<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.baeum.learning")
                .stream().filter(c -> c.isAnnotatedWith(RestController.class)).forEach(c -> {
                    Class<?> type = c.reflect();
                    String prefix = type.isAnnotationPresent(RequestMapping.class) ? first(type.getAnnotation(RequestMapping.class).value()) : "";
                    for (Method m : type.getDeclaredMethods()) {
                        String path = m.isAnnotationPresent(GetMapping.class) ? first(m.getAnnotation(GetMapping.class).value())
                                : m.isAnnotationPresent(PostMapping.class) ? first(m.getAnnotation(PostMapping.class).value())
                                : m.isAnnotationPresent(PutMapping.class) ? first(m.getAnnotation(PutMapping.class).value())
                                : m.isAnnotationPresent(DeleteMapping.class) ? first(m.getAnnotation(DeleteMapping.class).value()) : null;
                        if (path != null) {
                            paths.add(prefix + path);
                        }
                    }
                });
        assertThat(paths).hasSizeGreaterThan(30);
        assertThat(paths).allSatisfy(path -> assertThat(PROTECTED.stream().anyMatch(path::startsWith)
                || PUBLIC.stream().anyMatch(path::startsWith)).as(path).isTrue());
    }

    private static String first(String[] values) {
        return values.length == 0 ? "" : values[0];
    }
}
