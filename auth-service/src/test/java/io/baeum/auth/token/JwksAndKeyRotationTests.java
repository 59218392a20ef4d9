package io.baeum.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;
import io.baeum.common.security.AccessTokenVerifier;
import io.baeum.common.security.JwksKeySource;
import io.baeum.common.security.TokenVerificationProperties;
import io.baeum.common.security.VerifiedAccessToken;

class JwksAndKeyRotationTests extends AuthIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenProperties properties;

    @Test
    void theJwksPublishesOnlyPublicRs256SigningKeys() throws Exception {
        String body = web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .expectBody(String.class).returnResult().getResponseBody();
        JWKSet jwks = JWKSet.parse(body);

        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.getKeyID()).isNotBlank();
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
        });
        assertThat(body).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
    }

    @Test
    void anAccessTokenCarriesExactlyTheAgreedClaims() throws Exception {
        Members.Member member = members.signUp();
        SignedJWT jwt = SignedJWT.parse(members.logIn(member).accessToken());

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(member.id().toString());
        assertThat(claims.getIssuer()).isEqualTo(properties.issuer());
        assertThat(claims.getAudience()).containsAll(List.of("gateway", "auth-service", "learning-service",
                "heartbeat-service", "exam-service", "billing-service", "rag-service"));
        assertThat(claims.getStringListClaim("roles")).containsExactly("TRAINEE");
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(claims.getClaim("idv_at")).isNull();
    }

    @Test
    void anotherServiceVerifiesTokensWithCommonLibAgainstThePublishedJwks() {
        Members.Tokens tokens = members.logIn(members.signUp());
        AccessTokenVerifier learning = verifierFor("learning-service");

        VerifiedAccessToken verified = learning.verify(tokens.accessToken()).block(Duration.ofSeconds(10));

        assertThat(verified.sessionId()).isEqualTo(tokens.sessionId());
        assertThat(verified.roles()).containsExactly("TRAINEE");
    }

    @Test
    void keysRotateWithoutDowntime() throws Exception {
        String before = members.logIn(members.signUp()).accessToken();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        Members.Tokens admin = members.admin();
        web.post().uri("/api/v1/admin/signing-keys/rotate").header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isOk();

        // published ahead of use: the JWKS has both, tokens are still signed with the old key
        assertThat(jwksKids()).hasSize(2).contains(oldKid);
        String newKid = jwksKids().stream().filter(kid -> !kid.equals(oldKid)).findFirst().orElseThrow();
        assertThat(SignedJWT.parse(members.admin().accessToken()).getHeader().getKeyID()).isEqualTo(oldKid);
        AccessTokenVerifier learning = verifierFor("learning-service");
        learning.verify(before).block(Duration.ofSeconds(10));

        // after the publish-ahead delay the new key signs; the old one stays until its tokens expired
        clock.advance(properties.keyPublishAhead().plusSeconds(1));
        String after = members.admin().accessToken();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(jwksKids()).containsExactlyInAnyOrder(oldKid, newKid);
        members.me(after).expectStatus().isOk();

        clock.advance(properties.retirementGrace());
        assertThat(jwksKids()).containsExactly(newKid);
    }

    private List<String> jwksKids() throws Exception {
        String body = web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JWKSet.parse(body).getKeys().stream().map(k -> k.getKeyID()).toList();
    }

    private AccessTokenVerifier verifierFor(String audience) {
        TokenVerificationProperties verification = TokenVerificationProperties.of(
                URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"), properties.issuer(), audience);
        Clock system = Clock.systemUTC();
        return new AccessTokenVerifier(JwksKeySource.of(WebClient.create(), verification, system), verification, system);
    }
}
