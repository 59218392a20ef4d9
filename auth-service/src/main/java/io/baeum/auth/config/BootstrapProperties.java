package io.baeum.auth.config;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First start ({@code baeum.auth.bootstrap.*}).
 *
 * @param adminEmail    the first ADMIN, created when no active admin exists (e.g. from
 *                      {@code BAEUM_AUTH_BOOTSTRAP_ADMIN_EMAIL})
 * @param adminPassword its password (from the environment; never in the repository)
 * @param adminName     its display name
 * @param adminPhone    its phone number
 * @param demoAccounts  local profile only: create one demo account per role with a generated
 *                      password and log it as {@code demo account: ...}
 */
@ConfigurationProperties("baeum.auth.bootstrap")
public record BootstrapProperties(
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("Administrator") String adminName,
        @DefaultValue("01000000000") String adminPhone,
        @DefaultValue("false") boolean demoAccounts) {
}
