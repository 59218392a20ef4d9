package io.baeum.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.baeum.auth.account.domain.Account;
import io.baeum.auth.account.domain.AccountStatus;
import io.baeum.auth.account.domain.EmailAddress;
import io.baeum.auth.account.domain.PasswordPolicy;
import io.baeum.auth.account.domain.PersonName;
import io.baeum.auth.account.domain.PhoneNumber;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.account.domain.RoleRequest;
import io.baeum.common.error.DomainException;

class AccountRulesTests {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void emailsAndPhonesAreNormalised() {
        assertThat(EmailAddress.parse("  Minsu.Park@Example.KR ").value()).isEqualTo("minsu.park@example.kr");
        assertThat(PhoneNumber.parse("010-1234-5678").value()).isEqualTo("01012345678");
        assertThat(PhoneNumber.parse("+82 10 1234 5678").value()).isEqualTo("01012345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a@@b.kr", "a b@c.kr", "a@b..kr", "a@-b.kr"})
    void malformedEmailsAreRefused(String email) {
        assertThatThrownBy(() -> EmailAddress.parse(email)).isInstanceOfSatisfying(DomainException.class,
                ex -> assertThat(ex.code()).isEqualTo("INVALID_EMAIL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02-123-4567", "010-123-456", "011234567890", "phone"})
    void malformedPhonesAreRefused(String phone) {
        assertThatThrownBy(() -> PhoneNumber.parse(phone)).isInstanceOfSatisfying(DomainException.class,
                ex -> assertThat(ex.code()).isEqualTo("INVALID_PHONE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password123!", "iloveyou2026", "qwerty123456", "1234567890ab", "aaaaaaaaaaaa", "short1!A",
            "saranghae!!!", "zxcvbnm-9876"})
    void weakPasswordsAreRefused(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, EmailAddress.parse("x@y.kr"), PersonName.parse("홍길동")))
                .isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("WEAK_PASSWORD"));
    }

    @Test
    void aPasswordMayNotContainTheEmailOrTheName() {
        EmailAddress email = EmailAddress.parse("gildong@y.kr");
        assertThatThrownBy(() -> PasswordPolicy.check("my-gildong-pass-7", email, PersonName.parse("홍길동")))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("홍길동-Secret-2026", EmailAddress.parse("x@y.kr"),
                PersonName.parse("홍길동"))).isInstanceOf(DomainException.class);
        PasswordPolicy.check("Correct-Horse-Battery-9", email, PersonName.parse("홍길동"));
    }

    @Test
    void statusChangesFollowTheRules() {
        Account account = Account.signUp(UUID.randomUUID(), EmailAddress.parse("a@b.kr"), PersonName.parse("가나"),
                null, null, NOW);
        Account suspended = account.suspend(NOW);
        assertThat(suspended.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThatThrownBy(() -> suspended.suspend(NOW)).isInstanceOf(DomainException.class);
        assertThat(suspended.reactivate(NOW).status()).isEqualTo(AccountStatus.ACTIVE);
        Account deleted = suspended.delete(NOW);
        assertThatThrownBy(() -> deleted.reactivate(NOW)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> deleted.delete(NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void onlyInstructorAndAdminCanBeRequestedAndADecisionIsFinal() {
        Account account = Account.signUp(UUID.randomUUID(), EmailAddress.parse("a@b.kr"), PersonName.parse("가나"),
                null, null, NOW);
        assertThatThrownBy(() -> RoleRequest.request(UUID.randomUUID(), account, Role.TRAINEE, NOW))
                .isInstanceOf(DomainException.class);
        RoleRequest request = RoleRequest.request(UUID.randomUUID(), account, Role.ADMIN, NOW);
        RoleRequest rejected = request.reject(UUID.randomUUID(), "not staff", NOW);
        assertThat(rejected.status()).isEqualTo(RoleRequest.Status.REJECTED);
        assertThatThrownBy(() -> rejected.approve(UUID.randomUUID(), NOW)).isInstanceOf(DomainException.class);
        assertThat(account.grant(Role.ADMIN, NOW).roles()).containsExactlyInAnyOrder(Role.TRAINEE, Role.ADMIN);
    }
}
