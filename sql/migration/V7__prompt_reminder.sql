-- The evening reminder to teams that have not reported: claimed once per prompt via reminded_at.
ALTER TABLE daily_prompt ADD COLUMN reminded_at DATETIME(3) NULL;
