package io.baeum.learning.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.baeum.learning.notification.domain.NotificationTemplate;

/** The notification properties bind with their defaults (the trigger types map by template). */
class NotificationPropertiesBindingTests {

    @EnableConfigurationProperties(NotificationProperties.class)
    static class Configuration {
    }

    @Test
    void defaultsBind() {
        new ApplicationContextRunner().withUserConfiguration(Configuration.class).run(context -> {
            assertThat(context).hasNotFailed();
            NotificationProperties properties = context.getBean(NotificationProperties.class);
            assertThat(properties.triggers()).containsEntry("io.baeum.learning.CourseCompleted.v1", NotificationTemplate.COURSE_COMPLETED);
        });
    }
}
