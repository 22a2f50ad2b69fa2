-- What the front line reports it needs: supplies with quantities, and needs in words.
CREATE TABLE demand_report (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    team_id           BIGINT        NOT NULL,
    org_id            BIGINT        NOT NULL,
    report_date       DATE          NOT NULL,
    source            VARCHAR(16)   NOT NULL,
    reporter_open_id  VARCHAR(64)   NULL,
    raw_text          VARCHAR(1000) NULL,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_demand_report_team_date (team_id, report_date),
    KEY idx_demand_report_org_date (org_id, report_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE demand_item (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    report_id           BIGINT       NOT NULL,
    team_id             BIGINT       NOT NULL,
    org_id              BIGINT       NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    name                VARCHAR(64)  NOT NULL,
    quantity            INT          NULL,
    unit                VARCHAR(8)   NULL,
    delivered_quantity  INT          NOT NULL DEFAULT 0,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_demand_item_report (report_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
