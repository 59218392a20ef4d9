package io.baeum.auth.token.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.token.SigningKeys;
import io.baeum.auth.token.TokenProperties;
import io.baeum.auth.token.domain.SigningKeySet;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/** Signing-key state and an early rotation (ADMIN). */
@RestController
class SigningKeyAdminController {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final AuditLog audit;
    private final java.time.Clock clock;

    SigningKeyAdminController(SigningKeys keys, TokenProperties properties, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.keys = keys;
        this.properties = properties;
        this.audit = audit;
    }

    record KeyView(String kid, Instant createdAt, Instant activatesAt, boolean signing, boolean published) {
    }

    @GetMapping("/api/v1/admin/signing-keys")
    Mono<ApiResponse<List<KeyView>>> list() {
        return Mono.fromSupplier(() -> ApiResponse.ok(views(keys.snapshot())));
    }

    /**
     * Publishes a new key that signs after the publish-ahead delay ({@code immediate=true}: at once,
     * for a suspected compromise — verifiers then learn the new kid on first sight).
     */
    @PostMapping("/api/v1/admin/signing-keys/rotate")
    Mono<ApiResponse<List<KeyView>>> rotate(@AuthenticationPrincipal VerifiedAccessToken token,
            @RequestParam(defaultValue = "false") boolean immediate, ServerWebExchange exchange) {
        Duration ahead = immediate ? Duration.ZERO : properties.keyPublishAhead();
        return keys.rotate(ahead)
                .flatMap(set -> audit.record(new AuditEntry(UUID.fromString(token.subject()),
                        ClientInfo.from(exchange).ip(), "SIGNING_KEY_ROTATED", null,
                        Map.of("immediate", immediate, "newest", set.keys().getLast().kid()))).thenReturn(set))
                .map(set -> ApiResponse.ok(views(set)));
    }

    private List<KeyView> views(SigningKeySet set) {
        Instant now = clock.instant();
        String signing = set.signingKey(now).map(k -> k.kid()).orElse(null);
        List<String> published = set.published(now, properties.retirementGrace()).stream().map(k -> k.kid()).toList();
        return set.keys().stream().map(k -> new KeyView(k.kid(), k.createdAt(), k.activatesAt(), k.kid().equals(signing),
                published.contains(k.kid()))).toList();
    }
}
