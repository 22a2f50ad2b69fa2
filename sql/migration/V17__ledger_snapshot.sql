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

-- The ledger counts a day's rows org by org (the subtree's org ids are named in the query): covering indexes that
-- start with the org, so a city reads only its own rows of the day, and a province its orgs' rows, from the index alone.
CREATE INDEX idx_help_ticket_event_ledger ON help_ticket_event (org_id, action, created_at, ticket_id);
CREATE INDEX idx_help_ticket_new ON help_ticket (org_id, created_at, category, channel);
CREATE INDEX idx_help_ticket_accepted ON help_ticket (org_id, accepted_at, created_at);
CREATE INDEX idx_help_ticket_done ON help_ticket (org_id, done_at, created_at);
CREATE INDEX idx_help_ticket_confirmed ON help_ticket (org_id, confirmed_at, rating);
CREATE INDEX idx_help_ticket_closed ON help_ticket (org_id, closed_at, created_at);
-- "still open" at the end of a past day: open states created before midnight
CREATE INDEX idx_help_ticket_open ON help_ticket (org_id, status, created_at);
