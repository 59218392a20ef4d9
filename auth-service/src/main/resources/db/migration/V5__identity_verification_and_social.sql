-- Identity verification (본인인증) requests and their evidence.
CREATE TABLE identity_verification (
    id              text        PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES account (id),
    provider        text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('REQUESTED', 'VERIFIED', 'FAILED')),
    requested_at    timestamptz NOT NULL,
    verified_at     timestamptz,
    provider_tx_id  text,
    ci_index        bytea,
    ci_cipher       text,
    phone_cipher    text,
    failure_reason  text
);
CREATE INDEX identity_verification_account_idx ON identity_verification (account_id, requested_at);

-- Social identities linked to accounts.
CREATE TABLE social_identity (
    provider   text        NOT NULL,
    subject    text        NOT NULL,
    account_id uuid        NOT NULL REFERENCES account (id),
    linked_at  timestamptz NOT NULL,
    PRIMARY KEY (provider, subject)
);

-- Authorization requests in flight (state, PKCE verifier, nonce), single use.
CREATE TABLE social_login_attempt (
    state         text        PRIMARY KEY,
    provider      text        NOT NULL,
    code_verifier text        NOT NULL,
    nonce         text        NOT NULL,
    redirect_uri  text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    consumed_at   timestamptz
);

-- A social identity whose email matches an existing account without proof: linking needs the
-- account's password. Only the hash of the ticket is stored.
CREATE TABLE social_link_ticket (
    ticket_hash bytea       PRIMARY KEY,
    provider    text        NOT NULL,
    subject     text        NOT NULL,
    account_id  uuid        NOT NULL REFERENCES account (id),
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz
);
