package io.baeum.learning.course.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

import io.baeum.common.web.WebApiAutoConfiguration;
import io.baeum.learning.course.CourseService;
import io.baeum.learning.course.persistence.CourseStore;

/**
 * The catalog's web mapping alone (a WebFlux slice, no database): query validation and refusals become the error
 * envelope with their codes before anything is queried. The catalog's behaviour on real PostgreSQL stays in
 * {@code CatalogAndEnrollmentIntegrationTests}.
 */
@WebFluxTest(controllers = CatalogController.class, properties =
        // the catalog is public: this slice is about mapping, not the security chain (SecurityRulesTests covers that)
        "spring.autoconfigure.exclude="
                + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
                + "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration")
@Import(WebApiAutoConfiguration.class)
class CatalogControllerWebFluxTests {

    @Autowired
    WebTestClient web;

    @MockitoBean
    CourseService courses;

    @MockitoBean
    CourseStore store;

    @Test
    void anUpsideDownPriceRangeIsRefusedWithItsCodeAndNothingIsQueried() {
        web.get().uri("/api/v1/catalog/courses?minPrice=60000&maxPrice=50000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("INVALID_PRICE_RANGE");
        verifyNoInteractions(store, courses);
    }

    @Test
    void anUnknownSortKeyIsRefusedWithItsCode() {
        web.get().uri("/api/v1/catalog/courses?sort=secret").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_SORT");
        verifyNoInteractions(store);
    }

    @Test
    void aNegativePriceFailsValidationWithTheFieldNamed() {
        web.get().uri("/api/v1/catalog/courses?minPrice=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
        verifyNoInteractions(store);
    }

    @Test
    void aCourseThatIsNotPublishedIsNotFoundInTheCatalog() {
        when(courses.outline(any(UUID.class))).thenReturn(Mono.empty());
        web.get().uri("/api/v1/catalog/courses/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("COURSE_NOT_FOUND");
    }

    @Test
    void aMalformedCourseIdIsABadRequestNotAServerError() {
        web.get().uri("/api/v1/catalog/courses/not-a-uuid").exchange()
                .expectStatus().isBadRequest();
    }
}
