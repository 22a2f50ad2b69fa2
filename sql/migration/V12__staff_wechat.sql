-- Staff bind their own WeChat (an official-account follower) to receive work alerts: crisis requests
-- now, overdue requests with dispatch.
ALTER TABLE staff_account ADD COLUMN wechat_open_id VARCHAR(64) NULL;
CREATE INDEX idx_staff_account_wechat ON staff_account (wechat_open_id);
