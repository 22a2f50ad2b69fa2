-- Stories (先进典型, issue #6): short stories of exemplary volunteers and teams that staff publish and the
-- mini-program lists. A story belongs to the org of the staff member who wrote it (jurisdiction); it is
-- shown to mini-program users only while PUBLISHED.
-- (plain CREATE TABLE with its keys inside: the embedded default runs this on H2 as well)
CREATE TABLE story (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    org_id        BIGINT        NOT NULL,
    title         VARCHAR(40)   NOT NULL,
    -- VOLUNTEER or TEAM
    subject_kind  VARCHAR(16)   NOT NULL,
    subject_name  VARCHAR(40)   NOT NULL,
    -- plain text, line breaks kept
    body          VARCHAR(2000) NOT NULL,
    -- JSON array of OSS object keys (at most 9), NULL for none
    photo_keys    VARCHAR(2000) NULL,
    -- DRAFT, PUBLISHED, WITHDRAWN
    status        VARCHAR(16)   NOT NULL,
    published_at  DATETIME(3)   NULL,
    published_by  BIGINT        NULL,
    created_by    BIGINT        NOT NULL,
    version       INT           NOT NULL DEFAULT 0,
    created_at    DATETIME(3)   NOT NULL,
    updated_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_story_published (status, published_at),
    KEY idx_story_org (org_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
