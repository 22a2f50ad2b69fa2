-- A volunteer's consent to appear in a story (先进典型): a story about a volunteer is published only with it
-- (PIPL: their name, photos and deeds are shown to everyone); withdrawing it takes such stories down.
ALTER TABLE volunteer ADD COLUMN story_consent_at DATETIME(3) NULL;
-- the volunteer a story is about, when it is about one of the registered volunteers
ALTER TABLE story ADD COLUMN subject_volunteer_id BIGINT NULL;
CREATE INDEX idx_story_subject_volunteer ON story (subject_volunteer_id);
