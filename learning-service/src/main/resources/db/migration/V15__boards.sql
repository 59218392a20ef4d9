-- Boards (게시판): notices (global when course_id is NULL, or per course), Q&A, discussions; their replies
-- (a Q&A answer is a reply with answer = true); course materials (files behind the storage port).
-- Text is stored as the author typed it: clients escape it when they render it (no HTML here).
-- Nothing is ever deleted: status DELETED is a soft delete, HIDDEN is a moderator's hide.
CREATE TABLE board_post (
    id            uuid        PRIMARY KEY,
    course_id     uuid        REFERENCES course (id),
    board         text        NOT NULL CHECK (board IN ('NOTICE', 'QNA', 'DISCUSSION')),
    author_id     text        NOT NULL,
    title         text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    body          text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    private       boolean     NOT NULL DEFAULT false,
    status        text        NOT NULL DEFAULT 'VISIBLE' CHECK (status IN ('VISIBLE', 'HIDDEN', 'DELETED')),
    moderated_by  text,
    moderated_at  timestamptz,
    moderation_note text,
    reply_count   integer     NOT NULL DEFAULT 0,
    answered_at   timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    -- only notices may be global
    CHECK (course_id IS NOT NULL OR board = 'NOTICE')
);
CREATE INDEX board_post_list_idx ON board_post (course_id, board, created_at DESC) WHERE status <> 'DELETED';
CREATE INDEX board_post_global_idx ON board_post (created_at DESC) WHERE course_id IS NULL AND status <> 'DELETED';

CREATE TABLE board_reply (
    id            uuid        PRIMARY KEY,
    post_id       uuid        NOT NULL REFERENCES board_post (id),
    author_id     text        NOT NULL,
    body          text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    answer        boolean     NOT NULL DEFAULT false,
    status        text        NOT NULL DEFAULT 'VISIBLE' CHECK (status IN ('VISIBLE', 'HIDDEN', 'DELETED')),
    moderated_by  text,
    moderated_at  timestamptz,
    moderation_note text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL DEFAULT 0
);
CREATE INDEX board_reply_post_idx ON board_reply (post_id, created_at) WHERE status <> 'DELETED';

CREATE TABLE course_material (
    id            uuid        PRIMARY KEY,
    course_id     uuid        NOT NULL REFERENCES course (id),
    title         text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    file_name     text        NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    content_type  text        NOT NULL,
    size_bytes    bigint      NOT NULL CHECK (size_bytes > 0),
    sha256        text        NOT NULL,
    storage_key   text        NOT NULL UNIQUE,
    uploaded_by   text        NOT NULL,
    status        text        NOT NULL DEFAULT 'VISIBLE' CHECK (status IN ('VISIBLE', 'HIDDEN', 'DELETED')),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX course_material_course_idx ON course_material (course_id, created_at DESC) WHERE status <> 'DELETED';
