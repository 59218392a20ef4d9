package io.baeum.auth.token;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

/**
 * The forgery matrix (SECURITY.md G1–G4) against auth's own protected endpoints: every case is
 * refused with 401 and no handler runs (the request would otherwise succeed: the subject and the
 * admin role in the forged claims are real).
 */
class HostileTokenMatrixTests extends AuthIntegrationTest {

    @Autowired
    SigningKeys keys;

    @Autowired
    TokenProperties properties;

    static ForgedTokens forge;
    static Members.Tokens revoked;

    @BeforeEach
    void mother() {
        if (forge == null) {
            Members.Member member = members.signUp();
            Members.Tokens tokens = members.logIn(member);
            forge = new ForgedTokens(keys.signingKey().key(), properties.issuer(), member.id().toString(),
                    tokens.sessionId());
            // sanity: an honest token of the same shape is accepted
            members.me(forge.honest()).expectStatus().isOk();
            revoked = members.logIn(member);
            web.post().uri("/api/v1/auth/logout").header("Authorization", "Bearer " + revoked.accessToken()).exchange()
                    .expectStatus().isOk();
        }
    }

    static Stream<Arguments> hostileTokens() {
        return Stream.of(
                hostile("alg none", ForgedTokens::algNone),
                hostile("HS256 keyed with the RSA public key", ForgedTokens::hs256WithThePublicKey),
                hostile("RS512 with the real key", ForgedTokens::rs512WithTheRealKey),
                hostile("jku pointing at the attacker", f -> f.sign(f.header().jwkURL(URI.create("https://evil.test/jwks")),
                        f.claims(), ForgedTokens.ATTACKER)),
                hostile("x5u pointing at the attacker", f -> f.sign(f.header().x509CertURL(URI.create("https://evil.test/c")),
                        f.claims(), ForgedTokens.ATTACKER)),
                hostile("jwk header embedding the attacker key", f -> f.sign(f.header().jwk(ForgedTokens.ATTACKER.toPublicJWK()),
                        f.claims(), ForgedTokens.ATTACKER)),
                hostile("x5c header", f -> f.withHeader(h -> h.x509CertChain(List.of(Base64.encode("not a cert"))))),
                hostile("unknown kid", f -> f.withHeader(h -> h.keyID("no-such-key"))),
                hostile("no kid", f -> f.withHeader(h -> h.keyID(null))),
                hostile("attacker key under the real kid", f -> f.sign(f.header(), f.claims(), ForgedTokens.ATTACKER)),
                hostile("payload swapped after signing", ForgedTokens::payloadSwapped),
                hostile("signature stripped", f -> f.honest().substring(0, f.honest().lastIndexOf('.') + 1)),
                hostile("no typ", f -> f.withHeader(h -> h.type(null))),
                hostile("typ JWT (an ID token)", f -> f.withHeader(h -> h.type(JOSEObjectType.JWT))),
                hostile("typ rt+jwt (a refresh token)", f -> f.withHeader(h -> h.type(new JOSEObjectType("rt+jwt")))),
                hostile("wrong issuer", f -> f.withClaims(c -> c.issuer("https://evil.test"))),
                hostile("issuer with a trailing slash", f -> f.withClaims(c -> c.issuer(f.claims().build().getIssuer() + "/"))),
                hostile("audience of another service only", f -> f.withClaims(c -> c.audience("billing-service"))),
                hostile("no audience", f -> f.withClaims(c -> c.audience((String) null))),
                hostile("expired", f -> f.withClaims(c -> c.issueTime(Date.from(Instant.now().minusSeconds(1200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(120))))),
                hostile("not yet valid", f -> f.withClaims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))),
                hostile("issued in the future", f -> f.withClaims(c -> c.issueTime(Date.from(Instant.now().plusSeconds(600))))),
                hostile("no sid", f -> f.withClaims(c -> c.claim("sid", null))),
                hostile("no roles", f -> f.withClaims(c -> c.claim("roles", null))),
                hostile("roles as a string", f -> f.withClaims(c -> c.claim("roles", "ADMIN"))),
                hostile("idv_at as a string", f -> f.withClaims(c -> c.claim("idv_at", "yesterday"))),
                hostile("no exp", f -> f.withClaims(c -> c.expirationTime(null))),
                hostile("garbage", f -> "not-a-jwt"),
                hostile("empty", f -> ""),
                hostile("a.b.c", f -> "a.b.c"),
                hostile("an opaque refresh token", f -> "x".repeat(43)),
                hostile("a token of a logged-out session", f -> revoked.accessToken()));
    }

    private static Arguments hostile(String name, Function<ForgedTokens, String> forgery) {
        return Arguments.of(name, forgery);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void everyForgedOrUnacceptableTokenIsRefusedWith401(String name, Function<ForgedTokens, String> forgery) {
        String token = forgery.apply(forge);
        for (String path : List.of("/api/v1/me", "/api/v1/me/consents", "/api/v1/admin/members",
                "/api/v1/admin/audit-events/verification")) {
            web.get().uri(path).header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*")
                    .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHORIZED");
        }
        web.post().uri("/api/v1/auth/logout").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noTokens")
    void missingCredentialsAreRefusedWith401(String path) {
        web.get().uri(path).exchange().expectStatus().isUnauthorized();
    }

    static Stream<String> noTokens() {
        return Stream.of("/api/v1/me", "/api/v1/me/role-requests", "/api/v1/admin/members", "/api/v1/admin/audit-events");
    }
}
