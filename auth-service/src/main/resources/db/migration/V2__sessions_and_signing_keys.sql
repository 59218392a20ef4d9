-- A login session is one refresh-token family; its id is the access tokens' sid.
CREATE TABLE login_session (
    id                   uuid        PRIMARY KEY,
    account_id           uuid        NOT NULL REFERENCES account (id),
    method               text        NOT NULL,
    created_at           timestamptz NOT NULL,
    absolute_expires_at  timestamptz NOT NULL,
    last_access_token_at timestamptz NOT NULL,
    identity_verified_at timestamptz,
    client_ip            text,
    user_agent           text,
    revoked_at           timestamptz,
    revoke_reason        text
);
CREATE INDEX login_session_account_idx ON login_session (account_id) WHERE revoked_at IS NULL;

-- Refresh tokens: only the SHA-256 of the 256-bit random value is stored (A4).
CREATE TABLE refresh_token (
    token_hash      bytea       PRIMARY KEY,
    session_id      uuid        NOT NULL REFERENCES login_session (id),
    issued_at       timestamptz NOT NULL,
    idle_expires_at timestamptz NOT NULL,
    consumed_at     timestamptz
);
CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

-- Access-token signing keys. The private key is encrypted with the data key (AES-256-GCM); a key
-- is published in the JWKS from created_at, signs from activates_at, and stays published until the
-- tokens it signed have expired.
CREATE TABLE signing_key (
    kid                text        PRIMARY KEY,
    public_jwk         text        NOT NULL,
    private_jwk_cipher text        NOT NULL,
    created_at         timestamptz NOT NULL,
    activates_at       timestamptz NOT NULL
);
