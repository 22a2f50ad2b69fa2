-- An alert closes itself when its cause is resolved (the request done or ended, a released task claimed
-- again); read ones stay listable. The ticket index finds a request's alerts when it moves.
ALTER TABLE staff_alert ADD COLUMN closed_at DATETIME(3) NULL;
ALTER TABLE staff_alert ADD COLUMN close_reason VARCHAR(64) NULL;
CREATE INDEX idx_staff_alert_ticket ON staff_alert (ticket_id);
