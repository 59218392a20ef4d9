-- billing-service. Amounts are whole won (bigint); no card or account number is ever stored (B5).

-- The local copy of learning's sellable cohorts (billing-events: CohortOffered / CohortWithdrawn).
-- Prices come only from here, never from the browser.
CREATE TABLE catalogue_cohort (
    cohort_id      uuid        PRIMARY KEY,
    course_id      uuid        NOT NULL,
    course_title   text        NOT NULL,
    training_type  text        NOT NULL,
    delivery       text        NOT NULL,          -- PERIOD | NON_REALTIME_REMOTE | SESSIONS (refund method)
    price          bigint      NOT NULL CHECK (price >= 0),
    currency       text        NOT NULL,
    sellable       boolean     NOT NULL,
    study_from     date        NOT NULL,
    study_to       date        NOT NULL,
    lesson_count   integer     NOT NULL DEFAULT 0 CHECK (lesson_count >= 0),
    session_count  integer     CHECK (session_count > 0),
    source_time    timestamptz NOT NULL,          -- time of the event that wrote the row (older events are ignored)
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (study_to >= study_from)
);

-- One cart per account: its lines.
CREATE TABLE cart_line (
    account_id  text        NOT NULL,
    cohort_id   uuid        NOT NULL REFERENCES catalogue_cohort (cohort_id),
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, cohort_id)
);

CREATE TABLE purchase_order (
    id               uuid        PRIMARY KEY,
    account_id       text        NOT NULL,
    payment_id       text        NOT NULL UNIQUE,   -- minted by us, one per order (B2)
    order_name       text        NOT NULL,
    amount           bigint      NOT NULL CHECK (amount > 0),
    currency         text        NOT NULL,
    status           text        NOT NULL,          -- PENDING | PAID | FAILED | TAMPERED | CANCELLED
    created_at       timestamptz NOT NULL,
    paid_at          timestamptz,
    receipt_url      text,
    last_checked_at  timestamptz,
    check_failures   integer     NOT NULL DEFAULT 0
);
CREATE INDEX purchase_order_account_idx ON purchase_order (account_id, created_at DESC);
CREATE INDEX purchase_order_pending_idx ON purchase_order (created_at) WHERE status = 'PENDING';

-- What was bought, frozen at order time (price, schedule and refund method of the cohort then).
CREATE TABLE order_line (
    order_id       uuid    NOT NULL REFERENCES purchase_order (id),
    cohort_id      uuid    NOT NULL,
    course_id      uuid    NOT NULL,
    course_title   text    NOT NULL,
    training_type  text    NOT NULL,
    delivery       text    NOT NULL,
    price          bigint  NOT NULL CHECK (price >= 0),
    study_from     date    NOT NULL,
    study_to       date    NOT NULL,
    lesson_count   integer NOT NULL,
    session_count  integer,
    PRIMARY KEY (order_id, cohort_id)
);

-- Fulfilment is idempotent on the paymentId: the primary key lets exactly one writer emit EnrollmentPaid.
CREATE TABLE payment_fulfilment (
    payment_id    text        PRIMARY KEY,
    order_id      uuid        NOT NULL UNIQUE REFERENCES purchase_order (id),
    amount        bigint      NOT NULL,
    fulfilled_at  timestamptz NOT NULL
);

-- A payment whose amount or currency differs from the order's: recorded once, then cancelled at PortOne.
CREATE TABLE payment_tampering (
    payment_id        text        PRIMARY KEY,
    order_id          uuid        NOT NULL REFERENCES purchase_order (id),
    expected_amount   bigint      NOT NULL,
    expected_currency text        NOT NULL,
    reported_amount   bigint,
    reported_currency text,
    detected_at       timestamptz NOT NULL,
    cancelled_at      timestamptz,
    cancel_error      text
);

-- Webhook deliveries, deduplicated on webhook-id (Standard Webhooks). The body is not kept.
CREATE TABLE webhook_delivery (
    webhook_id   text        PRIMARY KEY,
    type         text        NOT NULL,
    payment_id   text,
    received_at  timestamptz NOT NULL
);

-- Lessons the trainee opened (learning's LessonOpened): the studied part of 비고4 refunds.
CREATE TABLE lesson_opened (
    account_id  text        NOT NULL,
    cohort_id   uuid        NOT NULL,
    lesson_id   uuid        NOT NULL,
    opened_at   timestamptz NOT NULL,
    PRIMARY KEY (account_id, cohort_id, lesson_id)
);

CREATE TABLE refund (
    id               uuid        PRIMARY KEY,
    order_id         uuid        NOT NULL REFERENCES purchase_order (id),
    cohort_id        uuid        NOT NULL,
    account_id       text        NOT NULL,
    amount           bigint      NOT NULL CHECK (amount > 0),
    method           text        NOT NULL,          -- the rule that computed the amount
    explanation      text        NOT NULL,
    reason           text        NOT NULL,
    status           text        NOT NULL,          -- REQUESTED | COMPLETED | REJECTED
    requested_at     timestamptz NOT NULL,
    requested_by     text        NOT NULL,
    decided_at       timestamptz,
    decided_by       text,
    completed_at     timestamptz,
    cancellation_id  text,
    receipt_url      text,
    last_error       text
);
-- one open request per order line; completed refunds never exceed the order (checked under the order's row lock)
CREATE UNIQUE INDEX refund_one_open_per_line ON refund (order_id, cohort_id) WHERE status = 'REQUESTED';
CREATE INDEX refund_open_idx ON refund (requested_at) WHERE status = 'REQUESTED';
