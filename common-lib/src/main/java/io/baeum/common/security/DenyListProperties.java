package io.baeum.common.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service reads the shared session deny-list ({@link SessionRevocationCheck#DENY_LIST_KEY_PREFIX}).
 *
 * @param enabled    read the deny-list in Redis (off: no session is ever refused as revoked)
 * @param cacheTtl   how long one answer for a {@code sid} is reused before Redis is asked again; this
 *                   bounds how late a revocation is seen (a logout is refused everywhere within it)
 * @param timeout    how long one Redis lookup may take
 * @param failClosed when Redis cannot answer: {@code true} refuses the request (the services, which
 *                   must never accept a revoked session), {@code false} lets it through as not revoked
 *                   (the gateway, behind which every service checks again)
 */
@ConfigurationProperties("baeum.security.deny-list")
public record DenyListProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration cacheTtl,
        @DefaultValue("500ms") Duration timeout,
        @DefaultValue("true") boolean failClosed) {
}
