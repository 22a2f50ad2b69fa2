-- One row per person a crisis alert goes to on the official account, written in the transaction that
-- raises the crisis (with its staff_alert), so a crash between commit and the send loses no alert:
-- the sender works from these rows and retries what WeChat refused or could not take.
CREATE TABLE crisis_alert_delivery (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    alert_id        BIGINT       NOT NULL,
    ticket_id       BIGINT       NOT NULL,
    open_id         VARCHAR(64)  NOT NULL,
    -- PENDING, SENDING, SENT, FAILED
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL,
    last_errcode    INT          NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_crisis_alert_delivery (alert_id, open_id),
    KEY idx_crisis_alert_delivery_due (status, next_attempt_at),
    KEY idx_crisis_alert_delivery_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
