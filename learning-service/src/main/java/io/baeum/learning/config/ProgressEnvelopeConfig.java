package io.baeum.learning.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEnvelopeLimits;
import io.baeum.contract.progress.ProgressKey;
import io.baeum.contract.progress.ProgressKeyRing;

/** The progress envelope codec with the configured key ring (first key current, the others previous). */
@Configuration(proxyBeanMethods = false)
class ProgressEnvelopeConfig {

    @Bean(destroyMethod = "close")
    ProgressEnvelopeCodec progressEnvelopeCodec(LearningProperties properties) {
        List<ProgressKey> keys = properties.progressKeys().stream()
                .map(k -> ProgressKey.fromBase64(k.id(), k.secret())).toList();
        ProgressKeyRing ring = new ProgressKeyRing(keys.getFirst(), keys.subList(1, keys.size()));
        return new ProgressEnvelopeCodec(ring, new ProgressEnvelopeLimits(properties.progress().maxEncodedChars(),
                properties.progress().maxDecompressedBytes()));
    }
}
