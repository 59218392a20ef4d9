package io.baeum.learning.enrollment.accounts;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.AccountsProperties;
import reactor.core.publisher.Mono;

/**
 * Checks that an account exists before an admin enrols it: a synchronous {@code GET
 * /api/v1/admin/members/{id}} at auth-service with the admin's own token, bounded by
 * {@code baeum.learning.accounts.timeout}. Learning keeps no copy of accounts (auth owns them and their
 * personal data); the check runs only on the admin's assignment, never on a trainee's hot path.
 * Unknown account: 422 {@code ACCOUNT_NOT_FOUND}; auth unreachable or slow: 503 {@code ACCOUNT_CHECK_UNAVAILABLE}.
 */
@Component
public class AccountDirectory {

    private final WebClient auth;
    private final Duration timeout;

    AccountDirectory(ObjectProvider<WebClient.Builder> webClients, AccountsProperties properties) {
        this.auth = webClients.getIfAvailable(WebClient::builder).clone().baseUrl(properties.baseUrl().toString()).build();
        this.timeout = properties.timeout();
    }

    /** Completes empty when the account exists; fails with a {@link DomainException} otherwise. */
    public Mono<Void> requireExisting(String accountId, String adminBearerToken) {
        return auth.get().uri("/api/v1/admin/members/{id}", accountId)
                .headers(h -> h.setBearerAuth(adminBearerToken))
                .exchangeToMono(response -> {
                    HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                    Mono<Void> drained = response.releaseBody();
                    if (response.statusCode().is2xxSuccessful()) {
                        return drained;
                    }
                    if (status == HttpStatus.NOT_FOUND || status == HttpStatus.BAD_REQUEST) {
                        return drained.then(Mono.error(DomainException.rule("ACCOUNT_NOT_FOUND",
                                "there is no account " + accountId, accountId)));
                    }
                    return drained.then(Mono.error(unavailable()));
                })
                .timeout(timeout)
                .onErrorMap(e -> e instanceof TimeoutException || e instanceof WebClientRequestException,
                        e -> unavailable());
    }

    private static DomainException unavailable() {
        return DomainException.unavailable("ACCOUNT_CHECK_UNAVAILABLE", "accounts cannot be checked right now");
    }
}
