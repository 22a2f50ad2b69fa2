-- Service hours, credited once per confirmed task to the volunteer who did it.
CREATE TABLE service_hours (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    volunteer_id  BIGINT       NOT NULL,
    ticket_id     BIGINT       NOT NULL,
    -- the volunteer's org, for jurisdiction
    org_id        BIGINT       NOT NULL,
    category      VARCHAR(24)  NOT NULL,
    hours         DECIMAL(5,2) NOT NULL,
    served_on     DATE         NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_service_hours_ticket (ticket_id),
    KEY idx_service_hours_volunteer (volunteer_id, served_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- 手拉手: one partner (a volunteer, or a cadre registered as one) for one family. While a pairing is
-- active its *_key columns hold the ids, so the unique keys allow one active pairing per family and
-- per partner; ended pairings keep NULL there and stay as history.
CREATE TABLE pairing (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    family_id          BIGINT       NOT NULL,
    -- the family's org, for jurisdiction
    org_id             BIGINT       NOT NULL,
    volunteer_id       BIGINT       NOT NULL,
    partner_kind       VARCHAR(16)  NOT NULL,
    active_family_key  BIGINT       NULL,
    active_partner_key BIGINT       NULL,
    paired_by          BIGINT       NOT NULL,
    ended_at           DATETIME(3)  NULL,
    end_reason         VARCHAR(200) NULL,
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_pairing_active_family (active_family_key),
    UNIQUE KEY uk_pairing_active_partner (active_partner_key),
    KEY idx_pairing_org (org_id),
    KEY idx_pairing_volunteer (volunteer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE pairing_check_in (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    pairing_id   BIGINT       NOT NULL,
    family_id    BIGINT       NOT NULL,
    org_id       BIGINT       NOT NULL,
    method       VARCHAR(8)   NOT NULL,
    note         VARCHAR(500) NULL,
    happened_at  DATETIME(3)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_pairing_check_in_pairing (pairing_id, happened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- 一家一策: a family's standing plan creates its tasks on schedule
CREATE TABLE care_plan (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    family_id           BIGINT        NOT NULL,
    org_id              BIGINT        NOT NULL,
    category            VARCHAR(24)   NOT NULL,
    description_sealed  VARCHAR(2000) NOT NULL,
    -- comma-separated ISO days of week, 1 = Monday … 7 = Sunday
    days_of_week        VARCHAR(20)   NOT NULL,
    service_time        TIME          NOT NULL,
    duration_minutes    INT           NOT NULL,
    -- how long before the service the task is opened to volunteers
    lead_hours          INT           NOT NULL,
    active              TINYINT       NOT NULL DEFAULT 1,
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_care_plan_org (org_id, active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- one row per plan and service date: the unique key makes each occurrence happen once, whatever runs it
CREATE TABLE care_plan_run (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    plan_id       BIGINT      NOT NULL,
    service_date  DATE        NOT NULL,
    ticket_id     BIGINT      NULL,
    created_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_care_plan_run (plan_id, service_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
