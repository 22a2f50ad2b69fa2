-- Issue 21: a task confirmed by the system after 72 h credits hours only once staff checked it
-- (decision 273). confirmation: FAMILY, STAFF (checked), AUTO (auto-confirmed and credited before this
-- rule), PENDING_REVIEW, REJECTED.
ALTER TABLE service_hours ADD COLUMN confirmation VARCHAR(16) NOT NULL DEFAULT 'FAMILY';
-- the time really spent (start or claim to done), for the staff member who checks it
ALTER TABLE service_hours ADD COLUMN spent_minutes INT NULL;
ALTER TABLE service_hours ADD COLUMN reviewed_by BIGINT NULL;
ALTER TABLE service_hours ADD COLUMN reviewed_at DATETIME(3) NULL;
ALTER TABLE service_hours ADD COLUMN review_note VARCHAR(100) NULL;
CREATE INDEX idx_service_hours_confirmation ON service_hours (confirmation, org_id);
-- hours credited before the rule for requests the system confirmed: marked, still counted (certificates were issued)
UPDATE service_hours SET confirmation = 'AUTO'
 WHERE ticket_id IN (SELECT ticket_id FROM help_ticket_event WHERE action = 'AUTO_CONFIRM');
-- what a certificate said of the family-confirmed part, shown again by its public check
ALTER TABLE volunteer_certificate ADD COLUMN family_confirmed_hours DECIMAL(7,2) NULL;
