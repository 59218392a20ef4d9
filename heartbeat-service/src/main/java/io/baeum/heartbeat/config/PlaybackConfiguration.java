package io.baeum.heartbeat.config;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.contract.playback.PlaybackTokenVerifier;
import io.baeum.common.security.JwksKeySource;
import io.baeum.heartbeat.playback.PlaybackMetrics;
import io.baeum.heartbeat.playback.PlaybackService;
import io.baeum.heartbeat.playback.domain.HeartbeatJudge;
import io.baeum.heartbeat.playback.domain.JudgeSettings;
import io.baeum.heartbeat.playback.state.SessionStore;

/** The playback feature: grant verification, the judge, its metrics and the application service. */
@Configuration(proxyBeanMethods = false)
class PlaybackConfiguration {

    @Bean
    PlaybackTokenVerifier playbackTokenVerifier(HeartbeatProperties properties, ObjectProvider<WebClient.Builder> webClients,
            Clock clock) {
        HeartbeatProperties.Grants grants = properties.grants();
        JwksKeySource learningKeys = new JwksKeySource(webClients.getIfAvailable(WebClient::builder).build(),
                grants.jwksUri(), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2), clock);
        return new PlaybackTokenVerifier(learningKeys, grants.issuer(), grants.audience(), grants.clockSkew(), clock);
    }

    @Bean
    HeartbeatJudge heartbeatJudge(Clock clock, RandomGenerator secureIds, HeartbeatProperties properties) {
        JudgeSettings defaults = JudgeSettings.defaults();
        return new HeartbeatJudge(clock, secureIds, new JudgeSettings(properties.judge().rateTolerance(),
                defaults.seekSlackSeconds(), defaults.positionSlackSeconds(), properties.judge().maxSequenceJump()));
    }

    @Bean
    PlaybackMetrics playbackMetrics(MeterRegistry meters) {
        return new PlaybackMetrics(meters);
    }

    @Bean
    PlaybackService playbackService(HeartbeatJudge judge, SessionStore store, PlaybackTokenVerifier grants, Clock clock,
            RandomGenerator secureIds, PlaybackMetrics metrics, HeartbeatProperties properties) {
        return new PlaybackService(judge, store, grants, clock, secureIds, metrics, properties.state().maxCasRetries());
    }
}
