package io.baeum.heartbeat.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

import io.baeum.common.openapi.SecuredOperations;
import io.baeum.common.security.AccessTokenVerifier;
import io.baeum.common.security.BaeumSecurity;
import io.baeum.common.security.SessionRevocationCheck;
import io.baeum.heartbeat.playback.state.LoginSessionRevokedException;
import io.baeum.heartbeat.playback.state.SessionStore;
import io.baeum.heartbeat.playback.state.StateUnavailableException;

/** Who may call what: the beat chain, the default chain, the deny-list check and the error headers they share. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String PLAYBACK = "/api/v1/playback/**";

    /** The beat endpoint, exactly as {@code PlaybackController} maps it. */
    static final String BEAT_PATH = "/api/v1/playback/sessions/{sessionId:[A-Za-z0-9_]{1,64}}/heartbeats";

    /** Leaves the deny-list to the beat's state read, which refuses a revoked token itself. */
    private static final SessionRevocationCheck DENY_LIST_READ_WITH_SESSION = SessionRevocationCheck.none();

    @Bean
    SessionRevocationCheck redisRevocationCheck(RedisConnection redis) {
        return sessionId -> redis.call(r -> r.exists(SessionRevocationCheck.DENY_LIST_KEY_PREFIX + sessionId)).map(count -> count > 0);
    }

    /**
     * Beats, the hot path: the token is verified here as everywhere, but its deny-list entry is read by the
     * script that loads the playback session ({@code SessionStore.load}), one Redis round trip less per beat.
     * A revoked token is answered as below ({@link LoginSessionRevokedException}).
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain beatSecurity(ServerHttpSecurity http, AccessTokenVerifier verifier) {
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, BEAT_PATH));
        return BaeumSecurity.bearerTokens(http, verifier, DENY_LIST_READ_WITH_SESSION)
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier,
            SessionRevocationCheck revocationCheck) {
        return BaeumSecurity.bearerTokens(http, verifier, revocationCheck)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
                        .pathMatchers(PLAYBACK).authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** The same rule, for the OpenAPI document: these operations carry the bearer requirement. */
    @Bean
    SecuredOperations securedOperations() {
        return SecuredOperations.paths(PLAYBACK);
    }

    /**
     * Headers of errors raised past the security chain: a 503 for lack of state tells the player when to
     * retry; a token refused by the beat's state read gets the security chain's challenge. Wraps the
     * security chain.
     */
    @Bean
    WebFilter errorHeaders() {
        class ErrorHeaders implements WebFilter, Ordered {
            @Override
            public reactor.core.publisher.Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
                    org.springframework.web.server.WebFilterChain chain) {
                return chain.filter(exchange).doOnError(error -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    if (error instanceof StateUnavailableException) {
                        headers.set(HttpHeaders.RETRY_AFTER, "1");
                    } else if (error instanceof LoginSessionRevokedException) {
                        headers.set(HttpHeaders.WWW_AUTHENTICATE, LoginSessionRevokedException.WWW_AUTHENTICATE);
                        headers.setCacheControl("no-store");
                    }
                });
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE + 10;
            }
        }
        return new ErrorHeaders();
    }
}
