package io.baeum.auth.account.domain;

import org.springframework.http.HttpStatus;

import io.baeum.common.web.DomainException;

/** The refusals of the account rules, each with its stable code (texts in baeum/messages). */
public final class AccountErrors {

    private AccountErrors() {
    }

    public static DomainException invalidEmail() {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_EMAIL", "The email address is not valid.");
    }

    public static DomainException invalidPhone() {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_PHONE",
                "The phone number is not a valid Korean mobile number.");
    }

    public static DomainException invalidName() {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_NAME", "The name is not valid.");
    }

    public static DomainException weakPassword(String why) {
        return new DomainException(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", "The password is too weak: " + why, why);
    }

    public static DomainException emailTaken() {
        return new DomainException(HttpStatus.CONFLICT, "EMAIL_TAKEN", "An account with this email already exists.");
    }

    public static DomainException invalidCredentials() {
        return new DomainException(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "The email or password is wrong.");
    }

    public static DomainException wrongPassword() {
        return new DomainException(HttpStatus.BAD_REQUEST, "WRONG_PASSWORD", "The current password is wrong.");
    }

    public static DomainException accountSuspended() {
        return new DomainException(HttpStatus.FORBIDDEN, "ACCOUNT_SUSPENDED", "This account is suspended.");
    }

    public static DomainException accountNotFound() {
        return new DomainException(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", "No such account.");
    }

    public static DomainException illegalTransition(AccountStatus from, String action) {
        return new DomainException(HttpStatus.CONFLICT, "ILLEGAL_STATUS_CHANGE",
                "Cannot " + action + " an account that is " + from + ".", action, from);
    }

    public static DomainException roleNotRequestable(Role role) {
        return new DomainException(HttpStatus.BAD_REQUEST, "ROLE_NOT_REQUESTABLE", "Role " + role + " cannot be requested.",
                role);
    }

    public static DomainException roleAlreadyHeld(Role role) {
        return new DomainException(HttpStatus.CONFLICT, "ROLE_ALREADY_HELD", "The account already has role " + role + ".",
                role);
    }

    public static DomainException roleRequestPending(Role role) {
        return new DomainException(HttpStatus.CONFLICT, "ROLE_REQUEST_PENDING",
                "A request for role " + role + " is already pending.", role);
    }

    public static DomainException roleRequestNotFound() {
        return new DomainException(HttpStatus.NOT_FOUND, "ROLE_REQUEST_NOT_FOUND", "No such role request.");
    }

    public static DomainException roleRequestDecided() {
        return new DomainException(HttpStatus.CONFLICT, "ROLE_REQUEST_DECIDED", "The role request was already decided.");
    }

    public static DomainException cannotChangeOwnAccount() {
        return new DomainException(HttpStatus.CONFLICT, "OWN_ACCOUNT", "Admins cannot suspend or delete their own account.");
    }
}
