-- Messages and events the official account's callback received: the dedupe record (WeChat redelivers
-- a message it got no answer for) and the queue the callback hands work to.
CREATE TABLE wx_inbound_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    -- MsgId for messages; FromUserName + CreateTime + Event for events (WeChat's own rule)
    dedupe_key      VARCHAR(128)  NOT NULL,
    open_id         VARCHAR(64)   NOT NULL,
    msg_type        VARCHAR(32)   NOT NULL,
    event           VARCHAR(64)   NULL,
    -- the decrypted XML, sealed: users write phone numbers and addresses into messages
    payload_sealed  VARCHAR(8000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    received_at     DATETIME(3)   NOT NULL,
    processed_at    DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_wx_inbound_message_dedupe (dedupe_key),
    KEY idx_wx_inbound_message_status (status, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
