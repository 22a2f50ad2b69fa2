-- Supplies delivered against a reported item: how many, by whom, recorded by which staff member.
CREATE TABLE demand_fulfilment (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    item_id          BIGINT       NOT NULL,
    team_id          BIGINT       NOT NULL,
    org_id           BIGINT       NOT NULL,
    quantity         INT          NOT NULL,
    delivered_by     VARCHAR(64)  NOT NULL,
    recorded_by      BIGINT       NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_demand_fulfilment_item (item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
