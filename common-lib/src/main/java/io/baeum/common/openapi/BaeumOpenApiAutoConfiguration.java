package io.baeum.common.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The base of every Baeum service's OpenAPI document (springdoc, {@code GET /v3/api-docs}):
 *
 * <ul>
 *   <li>{@code info}: title {@code Baeum <spring.application.name>}, the version from build info; the
 *       description comes from {@code springdoc.open-api.info.description} (a generic default in
 *       {@code baeum-service-defaults.yml}, each service names what it owns);</li>
 *   <li>one server, {@code /}: relative, so "Try it out" in the gateway's Swagger UI calls the gateway
 *       that served the document, and a service called directly calls itself;</li>
 *   <li>the {@value OpenApiConventions#BEARER_SCHEME} security scheme (the access token from
 *       auth-service), applied by {@link OpenApiConventions} to the operations the service's
 *       {@link SecuredOperations} names;</li>
 *   <li>the {@code ApiResponse} error envelope as every operation's 4XX and 5XX response;</li>
 *   <li>the document served off the event loop ({@link OpenApiDocumentWebFilter}).</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class BaeumOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI baeumOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String application = environment.getProperty("spring.application.name", "service");
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null || properties.getVersion() == null ? "unversioned" : properties.getVersion();
        return new OpenAPI()
                .info(new Info().title("Baeum " + application).version(version))
                .servers(List.of(new Server().url("/")
                        .description("relative: the gateway that served this document, or the service called directly")))
                .components(new Components().addSecuritySchemes(OpenApiConventions.BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from auth-service (POST /api/v1/auth/login), "
                                + "sent as Authorization: Bearer <token>. Valid 10 minutes.")));
    }

    @Bean
    OpenApiDocumentWebFilter openApiDocumentWebFilter(SpringDocConfigProperties springdoc) {
        return new OpenApiDocumentWebFilter(springdoc.getApiDocs().getPath());
    }

    @Bean
    GlobalOpenApiCustomizer baeumOpenApiConventions(ObjectProvider<SecuredOperations> secured) {
        return new OpenApiConventions(secured.getIfAvailable(() -> SecuredOperations.paths()));
    }
}
