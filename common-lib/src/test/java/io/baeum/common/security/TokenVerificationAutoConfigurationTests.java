package io.baeum.common.security;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** When the verifier beans exist, and how their properties bind and validate. */
class TokenVerificationAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenVerificationAutoConfiguration.class));

    @Test
    void withoutJwksUriNothingIsCreated() {
        contextRunner.run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(AccessTokenVerifier.class)
                .doesNotHaveBean(JwksKeySource.class));
    }

    @Test
    void withJwksUriTheVerifierIsCreatedWithDefaults() {
        contextRunner
                .withPropertyValues(
                        "baeum.security.token.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json",
                        "baeum.security.token.issuer=https://auth.baeum.test",
                        "baeum.security.token.audience=heartbeat-service")
                .run(context -> {
                    assertThat(context).hasNotFailed()
                            .hasSingleBean(AccessTokenVerifier.class)
                            .hasSingleBean(JwksKeySource.class)
                            .hasSingleBean(Clock.class)
                            .hasSingleBean(ServerWebExchangeFirewall.class);
                    assertThat(context.getBean(ServerWebExchangeFirewall.class))
                            .isInstanceOf(StrictServerWebExchangeFirewall.class);
                    TokenVerificationProperties properties = context.getBean(TokenVerificationProperties.class);
                    assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.verifiedCacheSize()).isEqualTo(10_000);
                    assertThat(properties.jwksRefreshInterval()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.jwksMinRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.jwksTimeout()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void anApplicationClockIsUsedRatherThanReplaced() {
        Clock clock = Clock.systemDefaultZone();
        contextRunner
                .withBean(Clock.class, () -> clock)
                .withPropertyValues(
                        "baeum.security.token.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json",
                        "baeum.security.token.issuer=https://auth.baeum.test",
                        "baeum.security.token.audience=heartbeat-service")
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(clock));
    }

    @Test
    void missingIssuerOrAudienceFailsStartup() {
        contextRunner
                .withPropertyValues("baeum.security.token.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void nonHttpJwksUriFailsStartup() {
        contextRunner
                .withPropertyValues(
                        "baeum.security.token.jwks-uri=file:///etc/jwks.json",
                        "baeum.security.token.issuer=https://auth.baeum.test",
                        "baeum.security.token.audience=heartbeat-service")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void negativeClockSkewFailsStartup() {
        contextRunner
                .withPropertyValues(
                        "baeum.security.token.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json",
                        "baeum.security.token.issuer=https://auth.baeum.test",
                        "baeum.security.token.audience=heartbeat-service",
                        "baeum.security.token.clock-skew=-1s")
                .run(context -> assertThat(context).hasFailed());
    }
}
