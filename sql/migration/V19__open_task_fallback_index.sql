-- The volunteers' task board falls back to the database when Redis cannot answer: open tasks of the
-- volunteer's categories in a latitude band. Without this index every call scanned all open tasks.
CREATE INDEX idx_help_ticket_open_geo ON help_ticket (status, category, latitude, longitude);
