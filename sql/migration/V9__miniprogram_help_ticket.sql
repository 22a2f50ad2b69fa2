-- Mini-program users (one row per WeChat openid of our mini-program) and the roles they hold.
-- The session_key from code2Session is never stored here: it is sealed in Redis with a short TTL.
CREATE TABLE wx_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    open_id        VARCHAR(64)  NOT NULL,
    union_id       VARCHAR(64)  NULL,
    -- verified through WeChat (getPhoneNumber); sealed, with a blind index to match the registry
    phone_sealed   VARCHAR(128) NULL,
    phone_index    CHAR(64)     NULL,
    last_login_at  DATETIME(3)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wx_user_open_id (open_id),
    KEY idx_wx_user_phone (phone_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- FAMILY (subject: family id), MEDICAL_WORKER (worker id), TEAM_CONTACT (team id); one user may hold several
CREATE TABLE wx_user_role (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    user_id     BIGINT      NOT NULL,
    role        VARCHAR(16) NOT NULL,
    subject_id  BIGINT      NOT NULL,
    -- the subject's org, for jurisdiction (staff see who is bound in their subtree)
    org_id      BIGINT      NOT NULL,
    source      VARCHAR(16) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wx_user_role (user_id, role, subject_id),
    KEY idx_wx_user_role_subject (role, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- invite codes staff issue to a family whose contact phone is not (or not yet) in the registry
CREATE TABLE family_invite (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    code        VARCHAR(16) NOT NULL,
    family_id   BIGINT      NOT NULL,
    org_id      BIGINT      NOT NULL,
    issued_by   BIGINT      NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_family_invite_code (code),
    KEY idx_family_invite_family (family_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A family's request for help (求助工单). Description, address and contact phone are sealed.
CREATE TABLE help_ticket (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    -- the family's org, for jurisdiction
    org_id                BIGINT        NOT NULL,
    family_id             BIGINT        NOT NULL,
    channel               VARCHAR(16)   NOT NULL,
    submitter_type        VARCHAR(16)   NOT NULL,
    submitter_user_id     BIGINT        NULL,
    submitter_staff_id    BIGINT        NULL,
    category              VARCHAR(24)   NOT NULL,
    urgency               VARCHAR(8)    NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    crisis                TINYINT       NOT NULL DEFAULT 0,
    -- PASS, REVIEW (waits for staff), CLEARED (staff cleared a REVIEW)
    content_check         VARCHAR(8)    NOT NULL,
    description_sealed    VARCHAR(4000) NOT NULL,
    address_sealed        VARCHAR(600)  NULL,
    district              VARCHAR(32)   NULL,
    latitude              DECIMAL(9, 6) NULL,
    longitude             DECIMAL(9, 6) NULL,
    window_start          DATETIME(3)   NULL,
    window_end            DATETIME(3)   NULL,
    contact_method        VARCHAR(16)   NOT NULL,
    contact_phone_sealed  VARCHAR(128)  NULL,
    -- JSON array of OSS object keys
    photo_keys            VARCHAR(2000) NULL,
    done_note             VARCHAR(1000) NULL,
    done_photo_keys       VARCHAR(2000) NULL,
    rating                TINYINT       NULL,
    rating_comment        VARCHAR(500)  NULL,
    close_reason          VARCHAR(24)   NULL,
    accepted_at           DATETIME(3)   NULL,
    done_at               DATETIME(3)   NULL,
    confirmed_at          DATETIME(3)   NULL,
    closed_at             DATETIME(3)   NULL,
    version               INT           NOT NULL DEFAULT 0,
    created_at            DATETIME(3)   NOT NULL,
    updated_at            DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_help_ticket_org_status (org_id, status),
    KEY idx_help_ticket_family (family_id, created_at),
    KEY idx_help_ticket_status_done (status, done_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- append-only history of a ticket: every transition, timestamped and attributed
CREATE TABLE help_ticket_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id    BIGINT       NOT NULL,
    org_id       BIGINT       NOT NULL,
    action       VARCHAR(24)  NOT NULL,
    from_status  VARCHAR(16)  NULL,
    to_status    VARCHAR(16)  NOT NULL,
    actor_type   VARCHAR(16)  NOT NULL,
    actor_id     BIGINT       NULL,
    actor_name   VARCHAR(64)  NOT NULL,
    note         VARCHAR(500) NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_help_ticket_event_ticket (ticket_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Idempotency-Key of a submission: a retry gets the same request back; the unique key makes
-- concurrent duplicates wait for the first and then read what it created
CREATE TABLE idempotency_record (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    scope         VARCHAR(32)  NOT NULL,
    idem_key      VARCHAR(64)  NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    resource_id   BIGINT       NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_idempotency (scope, idem_key),
    KEY idx_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- one-time consents of wx.requestSubscribeMessage: each accepted template adds a credit, each send uses one
CREATE TABLE subscribe_consent (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    user_id      BIGINT      NOT NULL,
    template_id  VARCHAR(64) NOT NULL,
    credits      INT         NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_subscribe_consent (user_id, template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- subscribe messages to families: an outbox, sent after commit, retried on transient errors
CREATE TABLE subscribe_notice (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    user_id          BIGINT        NOT NULL,
    ticket_id        BIGINT        NOT NULL,
    template_id      VARCHAR(64)   NOT NULL,
    page             VARCHAR(200)  NOT NULL,
    data_json        VARCHAR(2000) NOT NULL,
    -- PENDING, SENT, NO_CONSENT, REFUSED (43101), FAILED (gave up)
    status           VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    last_errcode     INT           NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_subscribe_notice_due (status, next_attempt_at),
    KEY idx_subscribe_notice_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- psychological-support experts on duty for an org (crisis requests reach them at once)
CREATE TABLE duty_expert (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    org_id        BIGINT       NOT NULL,
    name          VARCHAR(32)  NOT NULL,
    phone_sealed  VARCHAR(128) NOT NULL,
    -- official-account openid for template alerts (bound by the expert, optional)
    open_id       VARCHAR(64)  NULL,
    active        TINYINT      NOT NULL DEFAULT 1,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_duty_expert_org (org_id, active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- in-app alerts for staff of an org (crisis requests now; overdue requests with dispatch)
CREATE TABLE staff_alert (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    org_id      BIGINT       NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    ticket_id   BIGINT       NULL,
    title       VARCHAR(200) NOT NULL,
    read_at     DATETIME(3)  NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_staff_alert_org (org_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
