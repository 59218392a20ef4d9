package io.baeum.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every Baeum service shares (actuator exposure, probes, graceful shutdown, JSON
 * logs, database URLs derived from {@code baeum.database.*}) as the <em>lowest</em>-precedence
 * property source, so a service's own {@code application.yml}, profiles and the environment
 * always win.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "baeum-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load("baeum-service-defaults", new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
