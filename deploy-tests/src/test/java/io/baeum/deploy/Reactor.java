package io.baeum.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository this module checks, and its services: the reactor's modules that build an executable jar. */
final class Reactor {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Reactor() {
    }

    /** The repository root ({@code baeum.root}, set by this module's pom; else the parent of the working directory). */
    static Path root() {
        String configured = System.getProperty("baeum.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent()).normalize();
        if (!Files.exists(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }

    /** Modules of the root pom whose own pom runs spring-boot-maven-plugin (the services and the gateway). */
    static List<String> serviceModules(Path root) {
        List<String> services = new ArrayList<>();
        Matcher module = MODULE.matcher(ServiceModule.readString(root.resolve("pom.xml")));
        while (module.find()) {
            Path pom = root.resolve(module.group(1)).resolve("pom.xml");
            if (Files.exists(pom) && ServiceModule.readString(pom).contains("<artifactId>spring-boot-maven-plugin</artifactId>")) {
                services.add(module.group(1));
            }
        }
        return services;
    }

    static List<ServiceModule> services(Path root) {
        return serviceModules(root).stream().map(module -> ServiceModule.read(root, module)).toList();
    }

    /** This repository's services, read once for every test class. */
    static List<ServiceModule> services() {
        return Services.SERVICES;
    }

    private static final class Services {
        private static final List<ServiceModule> SERVICES = services(root());
    }
}
