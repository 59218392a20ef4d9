package io.baeum.learning.proxystudy.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.proxystudy.ProxyStudyService;
import io.baeum.learning.proxystudy.domain.FlagKind;
import io.baeum.learning.proxystudy.persistence.ProxyStudyStore;
import io.baeum.learning.support.PageRequest;

/** Admin review of proxy-study flags, the allowed shared networks and the employers of enrollments. */
@RestController
class ProxyStudyController {

    private final ProxyStudyService service;
    private final JsonMapper json;

    ProxyStudyController(ProxyStudyService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    record FlagView(UUID id, FlagKind kind, @Nullable String clientIp, List<String> accountIds, List<UUID> enrollmentIds,
                    List<String> sessionIds, Instant firstAt, Instant lastAt, JsonNode evidence, String status, Instant createdAt,
                    @Nullable Instant resolvedAt, @Nullable String resolvedBy, @Nullable String resolution,
                    @Nullable String resolutionNote) {
    }

    record ResolveRequest(@NotBlank @Pattern(regexp = "CONFIRMED|DISMISSED") String resolution,
                          @NotBlank @Size(max = 2000) String note) {
    }

    record NetworkRequest(@NotBlank @Size(max = 64) String cidr, @NotBlank @Size(max = 200) String label) {
    }

    record EmployerRequest(@NotBlank @Size(max = 100) String employer) {
    }

    @GetMapping("/api/v1/admin/proxy-study/flags")
    Mono<ApiResponse<List<FlagView>>> flags(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable FlagKind kind,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort == null ? "createdAt,desc" : sort, ProxyStudyStore.FLAG_SORTS, "createdAt");
        return service.flags(status, kind, request).map(p -> ApiResponse.ok(p.items().stream().map(this::view).toList(),
                request.metadata(p.total())));
    }

    @GetMapping("/api/v1/admin/proxy-study/flags/{id}")
    Mono<ApiResponse<FlagView>> flag(@PathVariable UUID id) {
        return service.flag(id).map(f -> ApiResponse.ok(view(f)));
    }

    @PostMapping("/api/v1/admin/proxy-study/flags/{id}/resolve")
    Mono<ApiResponse<FlagView>> resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.resolve(id, caller.subject(), request.resolution(), request.note()).map(f -> ApiResponse.ok(view(f)));
    }

    /** Runs a sweep now (it also runs on a timer); answers how many new flags it raised. */
    @PostMapping("/api/v1/admin/proxy-study/sweeps")
    Mono<ApiResponse<Map<String, Integer>>> sweep() {
        return service.sweep().map(n -> ApiResponse.ok(Map.of("raised", n)));
    }

    @GetMapping("/api/v1/admin/proxy-study/allowed-networks")
    Mono<ApiResponse<Map<String, Object>>> networks() {
        return service.allowedNetworks().collectList()
                .map(list -> ApiResponse.ok(Map.of("managed", list, "configured", service.configuredNetworks())));
    }

    @PostMapping("/api/v1/admin/proxy-study/allowed-networks")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<Map<String, UUID>>> allow(@Valid @RequestBody NetworkRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.allowNetwork(request.cidr(), request.label(), caller.subject()).map(id -> ApiResponse.ok(Map.of("id", id)));
    }

    @DeleteMapping("/api/v1/admin/proxy-study/allowed-networks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> removeNetwork(@PathVariable UUID id) {
        return service.removeNetwork(id);
    }

    @PutMapping("/api/v1/admin/enrollments/{id}/employer")
    Mono<ApiResponse<Map<String, Object>>> employer(@PathVariable UUID id, @Valid @RequestBody EmployerRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.recordEmployer(id, request.employer().strip(), caller.subject())
                .thenReturn(ApiResponse.ok(Map.of("enrollmentId", id, "employer", request.employer().strip())));
    }

    private FlagView view(ProxyStudyStore.Flag f) {
        return new FlagView(f.id(), f.kind(), f.clientIp(), f.accountIds(), f.enrollmentIds(), f.sessionIds(), f.firstAt(), f.lastAt(),
                json.readTree(f.evidenceJson()), f.status(), f.createdAt(), f.resolvedAt(), f.resolvedBy(), f.resolution(),
                f.resolutionNote());
    }
}
