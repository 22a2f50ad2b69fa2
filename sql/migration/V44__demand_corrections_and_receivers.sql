-- Issue 21, team leads.
-- A lead's same-day correction on the official account replaces their earlier report of the day
-- (decision 271): the earlier report points at the one that replaced it and leaves the staff's list.
ALTER TABLE demand_report ADD COLUMN replaced_by BIGINT NULL;
-- Staff close an item that no delivery closes (a need in words, or a supply no longer needed).
ALTER TABLE demand_item ADD COLUMN closed_at DATETIME(3) NULL;
ALTER TABLE demand_item ADD COLUMN closed_by BIGINT NULL;
ALTER TABLE demand_item ADD COLUMN close_note VARCHAR(100) NULL;
-- Who a bound follower is: one of the team's registered leads and liaisons (team_contact), named by
-- the follower ("我是 张三", or "绑定 <code> 张三"), so staff see a name and a role, not an openid.
ALTER TABLE team_binding ADD COLUMN contact_id BIGINT NULL;
