-- Audit log of privileged actions and admin reads of personal data: append-only and hash-chained
-- (hash = HMAC-SHA256 under a key outside the database over prev_hash and the row's fields).
CREATE TABLE audit_event (
    seq               bigint      PRIMARY KEY,
    occurred_at       timestamptz NOT NULL,
    actor_id          uuid,
    actor_ip          text,
    action            text        NOT NULL,
    target_account_id uuid,
    detail            text        NOT NULL,
    prev_hash         text        NOT NULL,
    hash              text        NOT NULL
);
CREATE INDEX audit_event_target_idx ON audit_event (target_account_id, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, seq);
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
