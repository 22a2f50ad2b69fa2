-- Team contacts report from the mini-program too: items carry a specification and an urgency, and
-- the report remembers which mini-program user sent it.
ALTER TABLE demand_item ADD COLUMN spec VARCHAR(64) NULL;
ALTER TABLE demand_item ADD COLUMN urgency VARCHAR(8) NULL;
ALTER TABLE demand_report ADD COLUMN reporter_user_id BIGINT NULL;
