package io.baeum.auth.account;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.baeum.auth.account.persistence.AccountStore;
import io.baeum.auth.session.SessionSubject;
import io.baeum.auth.session.SessionSubjects;

/** Lets sessions read an account's current roles and status. */
@Component
class AccountSessionSubjects implements SessionSubjects {

    private final AccountStore accounts;

    AccountSessionSubjects(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<SessionSubject> find(UUID accountId) {
        return accounts.findById(accountId).map(AccountService::subject);
    }
}
