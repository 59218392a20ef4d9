package io.baeum.auth.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.audit.domain.AuditEvent;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/** Reviewing the audit log (ADMIN); reading it is itself recorded. */
@RestController
@Validated
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/audit-events")
    Mono<ApiResponse<List<AuditEvent>>> query(@AuthenticationPrincipal VerifiedAccessToken token,
            @RequestParam(required = false) @Nullable UUID actor,
            @RequestParam(required = false) @Nullable UUID target,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            ServerWebExchange exchange) {
        return audit.query(actor, target, action, from, to, page, size)
                .flatMap(events -> audit.record(new AuditEntry(UUID.fromString(token.subject()),
                                ClientInfo.from(exchange).ip(), "AUDIT_LOG_READ", target,
                                Map.of("rows", events.size())))
                        .thenReturn(ApiResponse.ok(events, Map.of("page", Map.of("number", page, "size", size)))));
    }

    @GetMapping("/api/v1/admin/audit-events/verification")
    Mono<ApiResponse<AuditLog.ChainVerification>> verify() {
        return audit.verify().map(ApiResponse::ok);
    }
}
