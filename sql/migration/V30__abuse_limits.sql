-- Issue 17 (abuse and trust).

-- A volunteer's claims and releases of the day are counted from the history (task board limits)
CREATE INDEX idx_help_ticket_event_actor ON help_ticket_event (actor_id, action, created_at);

-- Family invite codes: single use unless staff choose more, and revocable. Codes issued before
-- keep working once more at most (max_uses 1, uses 0).
ALTER TABLE family_invite ADD COLUMN max_uses INT NOT NULL DEFAULT 1;
ALTER TABLE family_invite ADD COLUMN uses INT NOT NULL DEFAULT 0;
ALTER TABLE family_invite ADD COLUMN revoked_at DATETIME(3) NULL;
ALTER TABLE family_invite ADD COLUMN revoked_by BIGINT NULL;

-- The protection quiz: questions are drawn when the quiz is opened; the attempt is that draw, answered
-- (submitted_at) or not. Attempts of a day are limited.
ALTER TABLE training_attempt ADD COLUMN question_ids VARCHAR(1000) NULL;
ALTER TABLE training_attempt ADD COLUMN submitted_at DATETIME(3) NULL;
ALTER TABLE training_attempt MODIFY score INT NULL;
ALTER TABLE training_attempt MODIFY passed TINYINT NULL;
UPDATE training_attempt SET submitted_at = created_at WHERE submitted_at IS NULL;
CREATE INDEX idx_training_attempt_day ON training_attempt (volunteer_id, created_at);
