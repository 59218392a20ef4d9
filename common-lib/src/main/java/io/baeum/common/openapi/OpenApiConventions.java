package io.baeum.common.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.http.HttpMethod;

import io.baeum.common.web.ApiError;

/**
 * Documents what every operation shares and springdoc cannot see: failures are written by the
 * {@code ApiErrorWebExceptionHandler} (not a controller advice) in the {@code ApiResponse} envelope,
 * and authentication is decided by the security filter chain, not by the controllers.
 */
final class OpenApiConventions implements GlobalOpenApiCustomizer {

    /** The name of the bearer JWT security scheme in {@code components.securitySchemes}. */
    static final String BEARER_SCHEME = "bearer-jwt";

    static final String ERROR_ENVELOPE = "ErrorResponse";
    static final String ERROR_RESPONSE = "Error";
    static final String UNAUTHORIZED_RESPONSE = "Unauthorized";

    private final SecuredOperations secured;

    OpenApiConventions(SecuredOperations secured) {
        this.secured = secured;
    }

    @Override
    public void customise(OpenAPI openApi) {
        boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        addErrorEnvelope(components, v31);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, HttpMethod.valueOf(method.name()), operation)));
    }

    private void document(String path, HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (secured.matches(method, path)) {
            boolean alreadyRequired = operation.getSecurity() != null && operation.getSecurity().stream()
                    .anyMatch(requirement -> requirement.containsKey(BEARER_SCHEME));
            if (!alreadyRequired) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
            }
            responses.putIfAbsent("401", reference(UNAUTHORIZED_RESPONSE));
        }
        responses.putIfAbsent("4XX", reference(ERROR_RESPONSE));
        responses.putIfAbsent("5XX", reference(ERROR_RESPONSE));
    }

    private static ApiResponse reference(String response) {
        return new ApiResponse().$ref("#/components/responses/" + response);
    }

    private static void addErrorEnvelope(Components components, boolean v31) {
        @SuppressWarnings("rawtypes")
        Map<String, Schema> errorSchemas = ModelConverters.getInstance(v31).readAll(new AnnotatedType(ApiError.class));
        errorSchemas.forEach((name, schema) -> {
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchemas(name, schema);
            }
        });
        components.getSchemas().get("ApiError").setDescription(
                "RFC 9457 problem details plus a stable machine-readable code and the invalid fields; "
                        + "title, detail and field messages follow Accept-Language (English or Korean).");

        Schema<?> metadata = typed("object", v31)
                .description("Cross-cutting facts: the request id (also in X-Request-Id) and when the error happened.")
                .addProperty("requestId", typed("string", v31))
                .addProperty("timestamp", typed("string", v31).format("date-time"))
                .additionalProperties(true);
        Schema<?> envelope = typed("object", v31)
                .description("The ApiResponse envelope of a failed request: success is false, data is null, "
                        + "error holds the problem.")
                .addProperty("success", typed("boolean", v31)._enum(List.of(false)))
                .addProperty("data", typed("null", v31).description("always null on failure"))
                .addProperty("error", new Schema<>().$ref("#/components/schemas/ApiError"))
                .addProperty("metadata", metadata)
                .required(List.of("success", "error", "metadata"));
        if (components.getSchemas() == null || !components.getSchemas().containsKey(ERROR_ENVELOPE)) {
            components.addSchemas(ERROR_ENVELOPE, envelope);
        }

        components.addResponses(ERROR_RESPONSE, envelopeResponse(
                "A failure in the ApiResponse envelope; error.code says which (see docs/api.md)."));
        components.addResponses(UNAUTHORIZED_RESPONSE, envelopeResponse(
                "No valid access token: error.code UNAUTHORIZED, with a WWW-Authenticate: Bearer challenge."));
    }

    private static ApiResponse envelopeResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_ENVELOPE))));
    }

    /** A schema of one JSON type, written as OpenAPI 3.1 ({@code types}) or 3.0 ({@code type}) expects. */
    private static Schema<Object> typed(String type, boolean v31) {
        Schema<Object> schema = new Schema<>();
        if (v31) {
            schema.specVersion(SpecVersion.V31);
            schema.addType(type);
        } else if ("null".equals(type)) {
            schema.nullable(true);
        } else {
            schema.type(type);
        }
        return schema;
    }
}
