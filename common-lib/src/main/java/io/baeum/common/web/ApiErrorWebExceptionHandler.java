package io.baeum.common.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

import io.baeum.common.error.ErrorKind;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Answers every failure of a WebFlux service in the {@link ApiResponse} envelope: validation errors,
 * malformed or oversized bodies, unknown routes, unsupported methods and media types, domain refusals
 * and unexpected faults. Titles and details are localized by {@code Accept-Language} (English, Korean).
 *
 * <p>Runs before Spring Boot's own error handler. Unexpected faults are logged with their stack trace
 * and answered with a generic message: internals never reach the client.
 */
public class ApiErrorWebExceptionHandler implements WebExceptionHandler, Ordered {

    /** Before Boot's DefaultErrorWebExceptionHandler (-1) and WebFlux's status handler (0). */
    public static final int ORDER = -2;

    private static final Logger log = LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);
    private static final URI BLANK = URI.create("about:blank");
    private static final String SECURITY_FIREWALL_REJECTION =
            "org.springframework.security.web.server.firewall.ServerExchangeRejectedException";

    private final MessageSource messages;
    private final ServerCodecConfigurer codecs;
    private final Clock clock;

    public ApiErrorWebExceptionHandler(MessageSource messages, ServerCodecConfigurer codecs, Clock clock) {
        this.messages = messages;
        this.codecs = codecs;
        this.clock = clock;
    }

    /**
     * A handler with the standard bundles and codecs, for components that answer errors outside the
     * WebFlux exception chain (e.g. Spring Security entry points) in the same shape.
     */
    public static ApiErrorWebExceptionHandler withDefaults() {
        return new ApiErrorWebExceptionHandler(defaultMessages(), ServerCodecConfigurer.create(), Clock.systemUTC());
    }

    /** The service's own {@code baeum/messages} bundle, then common-lib's {@code baeum/common-messages}. */
    static MessageSource defaultMessages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        // the service's own bundle first, so it can refine a common text
        source.setBasenames("baeum/messages", "baeum/common-messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Problem problem = classify(failure);
        Locale locale = locale(exchange);
        logProblem(exchange, problem, failure);

        ApiError error = new ApiError(BLANK,
                message("baeum.error." + problem.code() + ".title", problem.args(), problem.defaultTitle(), locale),
                problem.status().value(),
                message("baeum.error." + problem.code() + ".detail", problem.args(), problem.defaultDetail(), locale),
                exchange.getRequest().getPath().value(),
                problem.code(),
                problem.fieldErrors().stream().map(f -> localize(f, locale)).toList());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("requestId", requestId(exchange));
        metadata.put("timestamp", clock.instant().toString());

        return ServerResponse.status(problem.status())
                .headers(h -> h.putAll(problem.headers()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ApiResponse.failure(error, metadata))
                .flatMap(response -> response.writeTo(exchange, new Context(codecs.getWriters())));
    }

    /** The one mapping of a domain refusal's kind to its HTTP status. */
    static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UPSTREAM_FAILED -> HttpStatus.BAD_GATEWAY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private Problem classify(Throwable failure) {
        if (failure instanceof io.baeum.common.error.DomainException e) {
            HttpStatus status = statusOf(e.kind());
            return Problem.of(status, e.code(), e.getMessage()).withArgs(e.arguments());
        }
        if (failure instanceof WebExchangeBindException e) {
            List<PendingFieldError> fields = e.getFieldErrors().stream()
                    .map(f -> new PendingFieldError(f.getField(), f.getCode(), f))
                    .toList();
            return Problem.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.")
                    .withFieldErrors(fields);
        }
        if (failure instanceof HandlerMethodValidationException e) {
            List<PendingFieldError> fields = e.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(err -> new PendingFieldError(
                                    result.getMethodParameter().getParameterName(), firstCode(err), err)))
                    .toList();
            return Problem.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.")
                    .withFieldErrors(fields);
        }
        if (failure instanceof ConstraintViolationException e) {
            // method validation of a @Validated controller's parameters (page=-1, an over-long filter)
            List<PendingFieldError> fields = e.getConstraintViolations().stream()
                    .map(v -> new PendingFieldError(leafName(v), constraintName(v), null, v.getMessage()))
                    .toList();
            return Problem.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.")
                    .withFieldErrors(fields);
        }
        if (failure instanceof RejectedInputException e) {
            return e.fields().isEmpty()
                    ? Problem.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request is invalid.")
                    : Problem.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.")
                            .withFieldErrors(e.fields().stream()
                                    .map(f -> new PendingFieldError(f.name(), f.code(), null)).toList());
        }
        if (SECURITY_FIREWALL_REJECTION.equals(failure.getClass().getName())) {
            // Spring Security's firewall: an encoded slash, "..", a NUL or a disallowed header in the request
            return Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_PATH", "The request path or a header is not allowed.");
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is too large.");
        }
        if (failure instanceof ServerWebInputException e) {
            return classifyInput(e);
        }
        if (failure instanceof MethodNotAllowedException e) {
            Set<HttpMethod> allowed = e.getSupportedMethods();
            Problem problem = Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "The method is not allowed on this resource.");
            return allowed.isEmpty() ? problem : problem.withHeader(HttpHeaders.ALLOW,
                    String.join(", ", allowed.stream().map(HttpMethod::name).sorted().toList()));
        }
        if (failure instanceof ResponseStatusException e) {
            return classifyStatus(e.getStatusCode(), e.getReason());
        }
        if (failure instanceof DecodingException || isFormDecodingFailure(failure)) {
            // a body the codecs could not read outside argument binding: multipart without its closing
            // boundary, a form with a malformed percent-escape
            return Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "The request body is malformed.");
        }
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "An unexpected error occurred.");
    }

    private Problem classifyInput(ServerWebInputException e) {
        if ("No request body".equals(e.getReason())) {
            return Problem.of(HttpStatus.BAD_REQUEST, "MISSING_BODY", "The request body is missing.");
        }
        StrictJson.ControlCharacterException text = cause(e, StrictJson.ControlCharacterException.class);
        if (text != null) {
            return Problem.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.")
                    .withFieldErrors(List.of(new PendingFieldError(jsonPath(text), ControlCharacters.CODE, null)));
        }
        if (causedBy(e, RejectedInputException.class)) {
            return classify(cause(e, RejectedInputException.class));
        }
        DatabindException binding = cause(e, DatabindException.class);
        if (binding != null && !(binding.getCause() instanceof StreamReadException)) {
            String path = binding.getPathReference();
            String field = path == null || path.isBlank() ? "body" : jsonPath(binding);
            return Problem.of(HttpStatus.BAD_REQUEST, "INVALID_FIELD_TYPE", "A field has the wrong type.")
                    .withFieldErrors(List.of(new PendingFieldError(field, "type", null)));
        }
        if (causedBy(e, JacksonException.class)) {
            return Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON.");
        }
        if (causedBy(e, DecodingException.class)) {
            return Problem.of(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "The request body is malformed.");
        }
        return Problem.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request is invalid.");
    }

    private static Problem classifyStatus(HttpStatusCode status, String reason) {
        return switch (status.value()) {
            case 404 -> Problem.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No resource at this path.");
            case 406 -> Problem.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "No acceptable representation.");
            case 413 -> Problem.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The request body is too large.");
            case 415 -> Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "The content type is not supported.");
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                HttpStatus effective = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
                String code = effective.is5xxServerError() ? "INTERNAL_ERROR" : effective.name();
                yield Problem.of(effective, code, effective.is5xxServerError() || reason == null
                        ? effective.getReasonPhrase() : reason);
            }
        };
    }

    private static String jsonPath(DatabindException binding) {
        StringBuilder path = new StringBuilder();
        binding.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    private ApiError.FieldError localize(PendingFieldError field, Locale locale) {
        String text;
        if (field.resolvable() != null) {
            text = messages.getMessage(field.resolvable(), locale);
        } else {
            // a constraint's own name (NoControlCharacters, Min, ...) or a baeum.field.<code> key
            String byName = messages.getMessage(field.code(), new Object[0], null, locale);
            text = byName != null && !byName.contains("{") ? byName
                    : message("baeum.field." + field.code(), new Object[0],
                            field.fallback() == null ? "invalid value" : field.fallback(), locale);
        }
        return new ApiError.FieldError(field.field(), field.code() == null ? "invalid" : field.code(), text);
    }

    private String message(String key, Object[] args, String fallback, Locale locale) {
        return messages.getMessage(key, args, fallback, locale);
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.ENGLISH : locale;
    }

    private static void logProblem(ServerWebExchange exchange, Problem problem, Throwable failure) {
        if (!problem.status().is5xxServerError() && !log.isDebugEnabled()) {
            return;
        }
        // set explicitly: services may run with limited context propagation (heartbeat's hot path)
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.CONTEXT_KEY, requestId(exchange))) {
            if (problem.status().is5xxServerError() && failure instanceof io.baeum.common.error.DomainException) {
                // a deliberate answer (a dependency is down, a retry will do): no stack trace per request
                log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                        problem.code(), failure.getMessage());
            } else if (problem.status().is5xxServerError()) {
                log.error("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                        problem.code(), failure);
            } else {
                log.debug("{} {} refused: {} ({})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                        problem.code(), failure.toString());
            }
        }
    }

    private static String requestId(ServerWebExchange exchange) {
        // the request-id filter runs first in a service; the request's own id covers anything earlier
        return RequestIds.of(exchange).orElseGet(() -> exchange.getRequest().getId());
    }

    /** Spring's form reader lets URLDecoder's IllegalArgumentException (a malformed %-escape) escape as is. */
    private static boolean isFormDecodingFailure(Throwable failure) {
        if (!(failure instanceof IllegalArgumentException)) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().equals("java.net.URLDecoder")
                    || frame.getClassName().equals("org.springframework.http.codec.FormHttpMessageReader")) {
                return true;
            }
        }
        return false;
    }

    private static String leafName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name == null ? "request" : name;
    }

    private static String constraintName(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static String firstCode(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A field error whose message is localized once the request's locale is known. */
    private record PendingFieldError(String field, String code, MessageSourceResolvable resolvable,
                                     String fallback) {
        PendingFieldError(String field, String code, MessageSourceResolvable resolvable) {
            this(field, code, resolvable, null);
        }
    }

    private record Problem(HttpStatus status, String code, String defaultDetail, Object[] args,
                           List<PendingFieldError> fieldErrors, HttpHeaders headers) {

        static Problem of(HttpStatus status, String code, String detail) {
            return new Problem(status, code, detail, new Object[0], List.of(), new HttpHeaders());
        }

        String defaultTitle() {
            return status.getReasonPhrase();
        }

        Problem withArgs(Object[] newArgs) {
            return new Problem(status, code, defaultDetail, newArgs, fieldErrors, headers);
        }

        Problem withFieldErrors(List<PendingFieldError> fields) {
            return new Problem(status, code, defaultDetail, args, fields, headers);
        }

        Problem withHeader(String name, String value) {
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(headers);
            copy.set(name, value);
            return new Problem(status, code, defaultDetail, args, fieldErrors, copy);
        }
    }

    private record Context(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {
        @Override
        public List<ViewResolver> viewResolvers() {
            return List.of();
        }
    }
}
