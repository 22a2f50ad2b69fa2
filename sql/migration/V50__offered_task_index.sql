-- Tasks a unit opened to its own volunteers are listed on every board request (Redis up or down): open
-- tasks of the volunteer's units and categories, oldest first. Without this index MariaDB walked every open
-- task in id order looking for the few with open_to_org_id set (about 300 ms at 100,000 open tasks).
CREATE INDEX idx_help_ticket_offered ON help_ticket (open_to_org_id, status, category, id);
