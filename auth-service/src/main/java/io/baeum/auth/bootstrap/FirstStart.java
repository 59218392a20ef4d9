package io.baeum.auth.bootstrap;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.baeum.auth.account.AccountBootstrap;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.config.BootstrapProperties;

/**
 * On start: the first ADMIN from configuration when there is no active admin; with
 * {@code demo-accounts} (local profile), one demo account per role, each printed by the launcher as
 * {@code demo account: <email> / <password> (<ROLE>)}. Demo passwords are generated per start
 * (and reset on each start), so none is ever in the repository.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AccountBootstrap accounts;
    private final BootstrapProperties properties;
    private final SecureRandom random = new SecureRandom();

    FirstStart(AccountBootstrap accounts, BootstrapProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.adminEmail() != null && properties.adminPassword() != null) {
            accounts.ensureFirstAdmin(properties.adminEmail(), properties.adminPassword(), properties.adminName(),
                    properties.adminPhone()).block(Duration.ofMinutes(1));
        }
        if (properties.demoAccounts()) {
            Map<Role, String> emails = Map.of(Role.ADMIN, "admin@demo.baeum.local",
                    Role.INSTRUCTOR, "instructor@demo.baeum.local", Role.TRAINEE, "trainee@demo.baeum.local");
            for (Role role : List.of(Role.ADMIN, Role.INSTRUCTOR, Role.TRAINEE)) {
                String password = "Demo-" + generate(14);
                accounts.ensureDemoAccount(emails.get(role), password, role).block(Duration.ofMinutes(1));
                log.info("demo account: {} / {} ({})", emails.get(role), password, role);
            }
        }
    }

    private String generate(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
