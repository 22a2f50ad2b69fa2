-- The daily demand prompt to each deployed team's bound leads and liaisons (seed 000: every day at a
-- fixed time, ask the front line what it needs).
ALTER TABLE medical_team ADD COLUMN prompt_time TIME NOT NULL DEFAULT '09:00:00';
ALTER TABLE medical_team ADD COLUMN prompt_enabled TINYINT NOT NULL DEFAULT 1;

-- one row per team and day: the unique key is what makes the prompt happen once, whatever runs it
CREATE TABLE daily_prompt (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    team_id      BIGINT      NOT NULL,
    org_id       BIGINT      NOT NULL,
    prompt_date  DATE        NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_daily_prompt_team_date (team_id, prompt_date),
    KEY idx_daily_prompt_org_date (org_id, prompt_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- one row per recipient and channel: claimed with a conditional UPDATE before sending, retried with backoff
CREATE TABLE prompt_delivery (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    prompt_id        BIGINT      NOT NULL,
    team_id          BIGINT      NOT NULL,
    org_id           BIGINT      NOT NULL,
    open_id          VARCHAR(64) NOT NULL,
    channel          VARCHAR(16) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3) NOT NULL,
    last_error       VARCHAR(64) NULL,
    sent_at          DATETIME(3) NULL,
    created_at       DATETIME(3) NOT NULL,
    updated_at       DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_prompt_delivery (prompt_id, open_id, channel),
    KEY idx_prompt_delivery_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
