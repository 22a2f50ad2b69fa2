-- Daily ledger (工作台账, issue #6): each org's figures of a past day, kept by the nightly job so that history
-- reads one row instead of recounting. The unique key makes the job write each (org, day) once across instances.
-- (plain CREATE INDEX and no AFTER: the embedded default runs these on H2 as well)
CREATE TABLE ledger_snapshot (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    org_id       BIGINT      NOT NULL,
    ledger_date  DATE        NOT NULL,
    -- the day's figures of the org's whole subtree, as JSON
    figures      TEXT        NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ledger_snapshot (org_id, ledger_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The ledger counts a day's moves by org: covering indexes, so a province's day is read from the index alone.
CREATE INDEX idx_help_ticket_event_ledger ON help_ticket_event (created_at, action, org_id, ticket_id);
CREATE INDEX idx_help_ticket_new ON help_ticket (created_at, org_id, category, channel);
CREATE INDEX idx_help_ticket_accepted ON help_ticket (accepted_at, org_id, created_at);
CREATE INDEX idx_help_ticket_done ON help_ticket (done_at, org_id, created_at);
CREATE INDEX idx_help_ticket_confirmed ON help_ticket (confirmed_at, org_id, rating);
CREATE INDEX idx_help_ticket_closed ON help_ticket (closed_at, org_id, created_at);
-- "still open": a range over the six open states, not a walk through every request of every org
CREATE INDEX idx_help_ticket_open ON help_ticket (status, org_id, created_at);
