-- Shipped by common-lib and applied by every service that has a database (flyway location
-- classpath:db/baeum-common, versions 0.x so a service's own scripts start at V1).

-- Transactional outbox: a domain event is written in the same transaction as the change that
-- caused it, then relayed to SQS by OutboxRelay and marked sent (at-least-once).
CREATE TABLE outbox_event (
    id           uuid        PRIMARY KEY,
    destination  text        NOT NULL,
    type         text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX outbox_event_unsent_idx ON outbox_event (created_at) WHERE sent_at IS NULL;

-- Inbox: consumers record the ids of events whose effects they applied, in the same transaction,
-- so a redelivered event changes nothing.
CREATE TABLE inbox_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
