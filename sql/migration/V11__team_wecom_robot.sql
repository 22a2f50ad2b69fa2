-- The daily prompt's second channel: the team's WeCom group, through a group-robot webhook. The
-- webhook key lets anyone post to the group, so it is sealed like personal data.
ALTER TABLE medical_team ADD COLUMN wecom_webhook_sealed VARCHAR(300) NULL;
