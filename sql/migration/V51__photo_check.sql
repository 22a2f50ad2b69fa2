-- Every uploaded photo (a family's request photos, a volunteer's completion photos, staff's story photos) goes
-- through WeChat's asynchronous media check before strangers see it. One row per photo key, written in the
-- transaction that attaches the photo; the WeChat call is made after commit from the row (and retried from it),
-- and WeChat's verdict arrives later by the mini-program's message push, found by its trace_id.
CREATE TABLE photo_check (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    photo_key         VARCHAR(255) NOT NULL,
    -- REQUEST, COMPLETION, STORY: what the photo belongs to
    owner_type        VARCHAR(16)  NOT NULL,
    owner_id          BIGINT       NOT NULL,
    -- the organisation whose staff see it and are alerted (the request's or the story's)
    org_id            BIGINT       NOT NULL,
    -- a mini-program user (request and completion photos) or a staff member (story photos)
    uploader_user_id  BIGINT       NULL,
    uploader_staff_id BIGINT       NULL,
    -- the uploader's openid for WeChat's v2 check (null for staff: v1)
    open_id           VARCHAR(64)  NULL,
    -- WeChat's id of the submitted check; null until WeChat took it
    trace_id          VARCHAR(64)  NULL,
    -- PENDING, PASS, RISKY, UNCHECKED
    status            VARCHAR(12)  NOT NULL,
    label             INT          NULL,
    attempts          INT          NOT NULL DEFAULT 0,
    next_attempt_at   DATETIME(3)  NULL,
    last_errcode      INT          NULL,
    submitted_at      DATETIME(3)  NULL,
    decided_at        DATETIME(3)  NULL,
    -- the staff member who passed or hid it by hand; null for WeChat's verdicts
    decided_by        BIGINT       NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_photo_check_key (photo_key),
    UNIQUE KEY uk_photo_check_trace (trace_id),
    KEY idx_photo_check_due (status, next_attempt_at),
    KEY idx_photo_check_owner (owner_type, owner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A volunteer's completion note passes the text check like a family's text: REVIEW (WeChat unsure or not
-- reachable) keeps it from the family; null on rows written before, and on staff's own completions.
ALTER TABLE help_ticket ADD COLUMN done_note_check VARCHAR(12) NULL;

-- A story's title and body pass WeChat's text check when published: PASS, or UNCHECKED when WeChat could not
-- answer (published all the same; staff see it). Null on stories published before.
ALTER TABLE story ADD COLUMN text_check VARCHAR(12) NULL;
