package io.baeum.auth.account.domain;

/** What a member may do. New accounts are {@link #TRAINEE}; the others need an admin's approval. */
public enum Role {
    TRAINEE, INSTRUCTOR, ADMIN;

    /** Whether a member may ask for this role (it then waits for an admin's decision). */
    public boolean needsApproval() {
        return this != TRAINEE;
    }
}
