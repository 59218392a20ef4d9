-- Proxy-study (대리수강) detection. Learning knows no employer (auth's accounts have none and enrollments
-- carry only their source), so an admin records the employer of an enrollment (e.g. at an ASSIGNMENT for
-- a company's trainees); an enrollment without one counts as its own employer.
CREATE TABLE enrollment_employer (
    enrollment_id uuid        PRIMARY KEY REFERENCES enrollment (id),
    employer      text        NOT NULL CHECK (char_length(employer) BETWEEN 1 AND 100),
    recorded_by   text        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);

-- Shared networks (a company's office, a training centre) where several employers' trainees legitimately
-- study from one address; added by admins (configuration may list more).
CREATE TABLE proxy_study_allowed_network (
    id          uuid        PRIMARY KEY,
    cidr        cidr        NOT NULL UNIQUE,
    label       text        NOT NULL CHECK (char_length(label) BETWEEN 1 AND 200),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A suspicion for an admin's review, with its evidence (accounts, enrollments, IP, devices, sessions, times).
-- dedupe_key makes the sweep idempotent: the same pattern seen by two sweeps is one flag.
CREATE TABLE proxy_study_flag (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('SHARED_IP', 'TWO_DEVICES')),
    dedupe_key      text        NOT NULL UNIQUE,
    client_ip       text,
    account_ids     text[]      NOT NULL,
    enrollment_ids  uuid[]      NOT NULL,
    session_ids     text[]      NOT NULL,
    first_at        timestamptz NOT NULL,
    last_at         timestamptz NOT NULL,
    evidence        jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    resolved_by     text,
    resolution      text CHECK (resolution IN ('CONFIRMED', 'DISMISSED')),
    resolution_note text
);
CREATE INDEX proxy_study_flag_status_idx ON proxy_study_flag (status, created_at DESC);

-- How far the sweep has read progress_evidence (by recorded_at); one row.
CREATE TABLE proxy_study_sweep (
    id         integer     PRIMARY KEY CHECK (id = 1),
    swept_to   timestamptz NOT NULL
);
INSERT INTO proxy_study_sweep (id, swept_to) VALUES (1, '-infinity');

-- The sweep reads session starts and ends by the time they were recorded (a small partial index).
CREATE INDEX progress_evidence_session_recorded_idx ON progress_evidence (recorded_at)
    WHERE kind IN ('SESSION_STARTED', 'SESSION_ENDED');
