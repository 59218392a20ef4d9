package io.baeum.learning.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.learning.course.domain.VideoCatalog;
import io.baeum.learning.course.vimeo.SandboxVideoCatalog;
import io.baeum.learning.course.vimeo.VimeoVideoCatalog;

/** Picks the video adapter: {@code baeum.learning.vimeo.adapter} = {@code vimeo} (default) or {@code sandbox}. */
@Configuration(proxyBeanMethods = false)
class VideoConfig {

    @Bean
    VideoCatalog videoCatalog(LearningProperties properties, ObjectProvider<WebClient.Builder> webClients) {
        return switch (properties.vimeo().adapter()) {
            case "sandbox" -> new SandboxVideoCatalog();
            case "vimeo" -> new VimeoVideoCatalog(webClients.getIfAvailable(WebClient::builder), properties.vimeo());
            default -> throw new IllegalStateException("baeum.learning.vimeo.adapter is vimeo or sandbox");
        };
    }
}
