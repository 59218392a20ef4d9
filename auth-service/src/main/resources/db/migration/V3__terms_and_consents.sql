CREATE TABLE term (
    id           uuid        PRIMARY KEY,
    code         text        NOT NULL,
    version      integer     NOT NULL CHECK (version > 0),
    title        text        NOT NULL,
    content_url  text        NOT NULL,
    required     boolean     NOT NULL,
    effective_at timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   uuid,
    UNIQUE (code, version)
);

-- Consent history: append-only (agreed or withdrawn, when, from where).
CREATE TABLE consent_record (
    id           bigserial   PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES account (id),
    term_code    text        NOT NULL,
    term_version integer     NOT NULL,
    action       text        NOT NULL CHECK (action IN ('AGREED', 'WITHDRAWN')),
    recorded_at  timestamptz NOT NULL,
    client_ip    text,
    user_agent   text,
    FOREIGN KEY (term_code, term_version) REFERENCES term (code, version)
);
CREATE INDEX consent_record_account_idx ON consent_record (account_id, term_code, id);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER consent_record_append_only BEFORE UPDATE OR DELETE ON consent_record
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The terms every installation starts with; admins publish new versions through the API.
INSERT INTO term (id, code, version, title, content_url, required, effective_at, created_at) VALUES
    ('00000000-0000-0000-0000-000000000001', 'service', 1, '서비스 이용약관 / Terms of service',
     '/terms/service/1', true, '2026-01-01T00:00:00Z', now()),
    ('00000000-0000-0000-0000-000000000002', 'privacy', 1, '개인정보 수집·이용 동의 / Privacy notice',
     '/terms/privacy/1', true, '2026-01-01T00:00:00Z', now()),
    ('00000000-0000-0000-0000-000000000003', 'marketing', 1, '마케팅 정보 수신 동의 / Marketing messages',
     '/terms/marketing/1', false, '2026-01-01T00:00:00Z', now());
