-- Every notification send (who, channel, template, when, result, error). The unique trigger key per
-- recipient and channel is the idempotency key: a trigger seen twice (a redelivered or re-read event,
-- a sweep run twice) never sends twice.
CREATE TABLE notification_send (
    id           uuid        PRIMARY KEY,
    trigger_key  text        NOT NULL,
    account_id   text        NOT NULL,
    channel      text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    template     text        NOT NULL,
    address      text,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts     integer     NOT NULL DEFAULT 0,
    error        text,
    created_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    UNIQUE (trigger_key, account_id, channel)
);
CREATE INDEX notification_send_created_idx ON notification_send (created_at DESC);
CREATE INDEX notification_send_account_idx ON notification_send (account_id, created_at DESC);

-- How far the trigger poller has read outbox_event (learning's own domain events, by created_at); one row.
CREATE TABLE notification_outbox_cursor (
    id         integer     PRIMARY KEY CHECK (id = 1),
    read_to    timestamptz NOT NULL
);
INSERT INTO notification_outbox_cursor (id, read_to) VALUES (1, '-infinity');
CREATE INDEX outbox_event_type_created_idx ON outbox_event (type, created_at);
