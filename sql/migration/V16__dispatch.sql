-- Dispatch (派单转介, issue #6): the unit responsible for a request, its deadline, and where the unit is with it.
-- A request stays in its family's org (org_id, jurisdiction); staff of the assigned unit see it too.
-- (one statement per column and plain CREATE INDEX: the embedded default runs these on H2 as well)
ALTER TABLE help_ticket ADD COLUMN assigned_org_id BIGINT NULL;
-- PENDING: waiting for the unit to accept; ACCEPTED: the unit took it on
ALTER TABLE help_ticket ADD COLUMN dispatch_state VARCHAR(16) NULL;
ALTER TABLE help_ticket ADD COLUMN dispatcher_org_id BIGINT NULL;
ALTER TABLE help_ticket ADD COLUMN dispatched_by BIGINT NULL;
ALTER TABLE help_ticket ADD COLUMN dispatched_at DATETIME(3) NULL;
ALTER TABLE help_ticket ADD COLUMN deadline_at DATETIME(3) NULL;
-- when the unit opens it to its own volunteers only: volunteers of this org's subtree see it
ALTER TABLE help_ticket ADD COLUMN open_to_org_id BIGINT NULL;
-- set by the overdue scan, cleared when the request moves to a new state
ALTER TABLE help_ticket ADD COLUMN overdue TINYINT NOT NULL DEFAULT 0;
-- when the current status began: the "held too long" limits count from here
ALTER TABLE help_ticket ADD COLUMN status_since DATETIME(3) NULL;
CREATE INDEX idx_help_ticket_assigned ON help_ticket (assigned_org_id, status);
CREATE INDEX idx_help_ticket_created ON help_ticket (created_at, org_id);
CREATE INDEX idx_help_ticket_status_since ON help_ticket (status, status_since);
CREATE INDEX idx_help_ticket_deadline ON help_ticket (deadline_at);

UPDATE help_ticket SET status_since = updated_at WHERE status_since IS NULL;

-- the daily ledger counts the day's moves
CREATE INDEX idx_help_ticket_event_time ON help_ticket_event (created_at, action);

-- One row per missed deadline or state held too long: the unique key makes the overdue scan notify each
-- miss exactly once, whichever instance finds it. miss_no 2 and above are escalated to the parent org.
CREATE TABLE ticket_overdue (
    id                  BIGINT      NOT NULL AUTO_INCREMENT,
    ticket_id           BIGINT      NOT NULL,
    -- the family's org (jurisdiction)
    org_id              BIGINT      NOT NULL,
    -- the unit responsible when it was missed: the assigned unit, else the request's org
    responsible_org_id  BIGINT      NOT NULL,
    dispatcher_org_id   BIGINT      NULL,
    -- DEADLINE (the dispatch deadline passed) or STUCK (a state held longer than its limit)
    kind                VARCHAR(16) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    -- what exactly was missed, e.g. 'DEADLINE@2026-11-25T18:00' or 'STUCK:OPEN@2026-11-25T09:12:03.120#2'
    miss_key            VARCHAR(96) NOT NULL,
    miss_no             INT         NOT NULL,
    escalated_org_id    BIGINT      NULL,
    due_at              DATETIME(3) NOT NULL,
    detected_at         DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ticket_overdue (ticket_id, miss_key),
    KEY idx_ticket_overdue_time (detected_at, org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A unit asks to take over another unit's request; the owner approves or declines, or it is approved
-- automatically after a configured time.
CREATE TABLE ticket_takeover (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id          BIGINT       NOT NULL,
    org_id             BIGINT       NOT NULL,
    from_org_id        BIGINT       NOT NULL,
    to_org_id          BIGINT       NOT NULL,
    requested_by       BIGINT       NOT NULL,
    requested_by_name  VARCHAR(64)  NOT NULL,
    reason             VARCHAR(500) NOT NULL,
    -- PENDING, APPROVED, DECLINED, AUTO_APPROVED, LAPSED (the request moved on before a decision)
    status             VARCHAR(16)  NOT NULL,
    decided_by         BIGINT       NULL,
    decided_by_name    VARCHAR(64)  NULL,
    decision_note      VARCHAR(500) NULL,
    decided_at         DATETIME(3)  NULL,
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_takeover_ticket (ticket_id, status),
    KEY idx_ticket_takeover_pending (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Follow-up calls to families whose request is done but not confirmed after 24 h
CREATE TABLE ticket_follow_up (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    ticket_id   BIGINT       NOT NULL,
    org_id      BIGINT       NOT NULL,
    -- CONFIRMED (the family confirms on the phone), NOT_REACHED, PROBLEM (not solved; note says why)
    outcome     VARCHAR(16)  NOT NULL,
    note        VARCHAR(500) NULL,
    staff_id    BIGINT       NOT NULL,
    staff_name  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_ticket_follow_up_ticket (ticket_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
