-- Electronic volunteer certificates: what each one said, under a code anyone can check.
CREATE TABLE volunteer_certificate (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    volunteer_id  BIGINT       NOT NULL,
    org_id        BIGINT       NOT NULL,
    code          VARCHAR(16)  NOT NULL,
    hours         DECIMAL(7,2) NOT NULL,
    period_from   DATE         NOT NULL,
    period_to     DATE         NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_certificate_code (code),
    KEY idx_volunteer_certificate_volunteer (volunteer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
