-- Catalog: courses (과정) > subjects (과목) > lessons (차시).
CREATE TABLE course (
    id            uuid        PRIMARY KEY,
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text        NOT NULL DEFAULT '',
    category      text        NOT NULL,
    training_type text        NOT NULL,
    level         text        NOT NULL,
    price         bigint      NOT NULL CHECK (price >= 0),
    cover_url     text,
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX course_catalog_idx ON course (status, category, level, training_type, price);
CREATE INDEX course_title_idx ON course (lower(title) text_pattern_ops);

CREATE TABLE subject (
    id        uuid    PRIMARY KEY,
    course_id uuid    NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    position  integer NOT NULL CHECK (position >= 0),
    title     text    NOT NULL,
    UNIQUE (course_id, position)
);

CREATE TABLE lesson (
    id                 uuid    PRIMARY KEY,
    course_id          uuid    NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    subject_id         uuid    NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    position           integer NOT NULL CHECK (position >= 0),
    title              text    NOT NULL,
    vimeo_video_id     text,
    duration_seconds   integer CHECK (duration_seconds > 0),
    recognised_seconds integer CHECK (recognised_seconds > 0),
    thumbnail_url      text,
    materials          jsonb   NOT NULL DEFAULT '[]',
    UNIQUE (subject_id, position),
    CHECK ((vimeo_video_id IS NULL) = (duration_seconds IS NULL))
);
CREATE INDEX lesson_course_idx ON lesson (course_id);
