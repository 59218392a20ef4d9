package io.baeum.auth.account.domain;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/** The refusals of the account rules, each with its stable code (texts in baeum/messages). */
public final class AccountErrors {

    private AccountErrors() {
    }

    public static DomainException invalidEmail() {
        return new DomainException(ErrorKind.INVALID, "INVALID_EMAIL", "The email address is not valid.");
    }

    public static DomainException invalidPhone() {
        return new DomainException(ErrorKind.INVALID, "INVALID_PHONE",
                "The phone number is not a valid Korean mobile number.");
    }

    public static DomainException invalidName() {
        return new DomainException(ErrorKind.INVALID, "INVALID_NAME", "The name is not valid.");
    }

    public static DomainException weakPassword(String why) {
        return new DomainException(ErrorKind.INVALID, "WEAK_PASSWORD", "The password is too weak: " + why, why);
    }

    public static DomainException emailTaken() {
        return new DomainException(ErrorKind.CONFLICT, "EMAIL_TAKEN", "An account with this email already exists.");
    }

    public static DomainException invalidCredentials() {
        return new DomainException(ErrorKind.UNAUTHENTICATED, "INVALID_CREDENTIALS", "The email or password is wrong.");
    }

    public static DomainException wrongPassword() {
        return new DomainException(ErrorKind.INVALID, "WRONG_PASSWORD", "The current password is wrong.");
    }

    public static DomainException accountSuspended() {
        return new DomainException(ErrorKind.FORBIDDEN, "ACCOUNT_SUSPENDED", "This account is suspended.");
    }

    public static DomainException accountNotFound() {
        return new DomainException(ErrorKind.NOT_FOUND, "ACCOUNT_NOT_FOUND", "No such account.");
    }

    public static DomainException illegalTransition(AccountStatus from, String action) {
        return new DomainException(ErrorKind.CONFLICT, "ILLEGAL_STATUS_CHANGE",
                "Cannot " + action + " an account that is " + from + ".", action, from);
    }

    public static DomainException roleNotRequestable(Role role) {
        return new DomainException(ErrorKind.INVALID, "ROLE_NOT_REQUESTABLE", "Role " + role + " cannot be requested.",
                role);
    }

    public static DomainException roleAlreadyHeld(Role role) {
        return new DomainException(ErrorKind.CONFLICT, "ROLE_ALREADY_HELD", "The account already has role " + role + ".",
                role);
    }

    public static DomainException roleRequestPending(Role role) {
        return new DomainException(ErrorKind.CONFLICT, "ROLE_REQUEST_PENDING",
                "A request for role " + role + " is already pending.", role);
    }

    public static DomainException roleRequestNotFound() {
        return new DomainException(ErrorKind.NOT_FOUND, "ROLE_REQUEST_NOT_FOUND", "No such role request.");
    }

    public static DomainException roleRequestDecided() {
        return new DomainException(ErrorKind.CONFLICT, "ROLE_REQUEST_DECIDED", "The role request was already decided.");
    }

    public static DomainException cannotChangeOwnAccount() {
        return new DomainException(ErrorKind.CONFLICT, "OWN_ACCOUNT", "Admins cannot suspend or delete their own account.");
    }
}
