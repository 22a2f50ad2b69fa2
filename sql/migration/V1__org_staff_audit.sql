-- Organisations, staff accounts and the change log.
-- MySQL dialect; also runs on H2 in MySQL mode (the embedded default), so keep to the common subset.

CREATE TABLE org_unit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id   BIGINT       NULL,
    -- materialised path of ids from the root, e.g. '/1/4/9/': "my subtree" is one indexed LIKE 'prefix%'
    path        VARCHAR(255) NOT NULL,
    depth       INT          NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    region      VARCHAR(64)  NULL,
    version     INT          NOT NULL DEFAULT 0,
    deleted     TINYINT      NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_org_unit_path (path),
    KEY idx_org_unit_parent (parent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE staff_account (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    org_id                BIGINT       NOT NULL,
    username              VARCHAR(32)  NOT NULL,
    display_name          VARCHAR(32)  NOT NULL,
    password_hash         VARCHAR(100) NOT NULL,
    -- comma-separated StaffRole names
    roles                 VARCHAR(128) NOT NULL,
    enabled               TINYINT      NOT NULL DEFAULT 1,
    must_change_password  TINYINT      NOT NULL DEFAULT 0,
    failed_login_count    INT          NOT NULL DEFAULT 0,
    locked_until          DATETIME(3)  NULL,
    last_login_at         DATETIME(3)  NULL,
    version               INT          NOT NULL DEFAULT 0,
    created_at            DATETIME(3)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_account_username (username),
    KEY idx_staff_account_org (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: who changed what. The application never updates or deletes rows here.
CREATE TABLE audit_log (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    -- org the changed thing belongs to; decides who may read the row
    org_id          BIGINT        NOT NULL,
    actor_staff_id  BIGINT        NULL,
    actor_name      VARCHAR(64)   NULL,
    action          VARCHAR(48)   NOT NULL,
    target_type     VARCHAR(32)   NOT NULL,
    target_id       BIGINT        NULL,
    detail          VARCHAR(2000) NULL,
    client_ip       VARCHAR(64)   NULL,
    trace_id        VARCHAR(64)   NULL,
    created_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_audit_log_org_time (org_id, created_at),
    KEY idx_audit_log_target (target_type, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
