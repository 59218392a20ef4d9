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
 * logs; for services naming {@code baeum.database.name}, R2DBC and Flyway URLs) as the <em>lowest</em>-precedence
 * property source, so a service's own {@code application.yml}, profiles and the environment
 * always win.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SERVICE_DEFAULTS = "baeum-service-defaults.yml";
    static final String DATABASE_DEFAULTS = "baeum-database-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addLast(environment, SERVICE_DEFAULTS);
        // only services that own a database name it; others (gateway, heartbeat) get no R2DBC/Flyway URLs
        if (environment.containsProperty("baeum.database.name")) {
            addLast(environment, DATABASE_DEFAULTS);
        }
    }

    private static void addLast(ConfigurableEnvironment environment, String resource) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
