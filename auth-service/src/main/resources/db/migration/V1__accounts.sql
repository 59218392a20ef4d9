-- Accounts. Personal data (email, name, phone, CI) is never stored in plaintext: each *_cipher column
-- holds "<key id>.<base64url(nonce || AES-256-GCM ciphertext)>" (key material lives outside the
-- database, see baeum.auth.crypto.*), each *_index column an HMAC-SHA256 blind index for exact lookups.
CREATE TABLE account (
    id                   uuid        PRIMARY KEY,
    email_cipher         text        NOT NULL,
    email_index          bytea       NOT NULL,
    name_cipher          text        NOT NULL,
    -- HMAC of the first two characters of the normalised name: admins can search by a name prefix
    -- of at least two characters (see docs/auth.md for what this reveals)
    name_prefix_index    bytea       NOT NULL,
    phone_cipher         text,
    phone_index          bytea,
    ci_cipher            text,
    ci_index             bytea,
    -- argon2id PHC string; NULL for accounts without a password (social sign-up, bulk import)
    password_hash        text,
    roles                text[]      NOT NULL,
    status               text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
    identity_verified_at timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    deleted_at           timestamptz
);
CREATE UNIQUE INDEX account_email_uk ON account (email_index) WHERE deleted_at IS NULL;
CREATE INDEX account_phone_idx ON account (phone_index);
CREATE INDEX account_name_prefix_idx ON account (name_prefix_index);
CREATE INDEX account_ci_idx ON account (ci_index);
CREATE INDEX account_created_idx ON account (created_at);

-- A user's request for INSTRUCTOR or ADMIN; at most one pending request per account and role.
CREATE TABLE role_request (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id),
    role         text        NOT NULL CHECK (role IN ('INSTRUCTOR', 'ADMIN')),
    status       text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    reason       text,
    requested_at timestamptz NOT NULL,
    decided_at   timestamptz,
    decided_by   uuid
);
CREATE UNIQUE INDEX role_request_pending_uk ON role_request (account_id, role) WHERE status = 'PENDING';
CREATE INDEX role_request_status_idx ON role_request (status, requested_at);
