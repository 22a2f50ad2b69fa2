-- Volunteers: registered in the mini-program, approved by staff, allowed on duty only when trained and
-- insured (seed 003: 防护培训不合格的绝不上岗、防护措施不到位的绝不上岗 …为志愿者购买必要的人身意外险).
CREATE TABLE volunteer (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    user_id             BIGINT        NOT NULL,
    -- the university league, district league or partner unit they serve with
    org_id              BIGINT        NOT NULL,
    name                VARCHAR(32)   NOT NULL,
    phone_sealed        VARCHAR(128)  NOT NULL,
    phone_index         CHAR(64)      NOT NULL,
    id_number_sealed    VARCHAR(128)  NOT NULL,
    -- comma-separated: DRIVER, TUTOR, PSYCHOLOGIST, SHOPPING, ELDERLY_CARE, MEDICAL
    skills              VARCHAR(200)  NOT NULL,
    -- vehicle, subjects and grades, certificate number …
    skill_notes         VARCHAR(500)  NULL,
    home_latitude       DECIMAL(9, 6) NOT NULL,
    home_longitude      DECIMAL(9, 6) NOT NULL,
    radius_km           INT           NOT NULL,
    availability        VARCHAR(200)  NULL,
    status              VARCHAR(16)   NOT NULL,
    review_note         VARCHAR(200)  NULL,
    reviewed_by         BIGINT        NULL,
    reviewed_at         DATETIME(3)   NULL,
    training_passed_at  DATETIME(3)   NULL,
    insurance_policy    VARCHAR(64)   NULL,
    insurance_until     DATE          NULL,
    version             INT           NOT NULL DEFAULT 0,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_user (user_id),
    KEY idx_volunteer_org_status (org_id, status),
    KEY idx_volunteer_phone (phone_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- the protection course's quiz, managed by staff
CREATE TABLE training_question (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    question    VARCHAR(300)  NOT NULL,
    -- JSON array of the choices
    choices     VARCHAR(1000) NOT NULL,
    answer      INT           NOT NULL,
    active      TINYINT       NOT NULL DEFAULT 1,
    created_at  DATETIME(3)   NOT NULL,
    updated_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE training_attempt (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    volunteer_id  BIGINT      NOT NULL,
    score         INT         NOT NULL,
    passed        TINYINT     NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_training_attempt_volunteer (volunteer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- who holds a task, since when; the claim is a conditional UPDATE on this row
ALTER TABLE help_ticket ADD COLUMN claimed_by BIGINT NULL;
ALTER TABLE help_ticket ADD COLUMN claimed_at DATETIME(3) NULL;
ALTER TABLE help_ticket ADD COLUMN started_at DATETIME(3) NULL;
CREATE INDEX idx_help_ticket_claimer ON help_ticket (claimed_by, status);

-- volunteers see a family's exact address and phone while a task is theirs; each view is logged too
ALTER TABLE personal_data_access ADD COLUMN accessor_type VARCHAR(16) NOT NULL DEFAULT 'STAFF';
