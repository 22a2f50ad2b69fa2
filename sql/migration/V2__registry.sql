-- Registry: hospitals, medical teams and their contacts, frontline medical workers, families.
-- Columns ending in _sealed hold AES-GCM ciphertext ("<keyId>:<base64>", PersonalDataCipher);
-- columns ending in _index hold an HMAC blind index for equality search. Neither is ever shown as is.

CREATE TABLE hospital (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    -- the league organisation responsible for the hospital's staff and families
    org_id      BIGINT      NOT NULL,
    name        VARCHAR(64) NOT NULL,
    city        VARCHAR(32) NOT NULL,
    district    VARCHAR(32) NULL,
    level       VARCHAR(16) NOT NULL,
    designated  TINYINT     NOT NULL DEFAULT 0,
    version     INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_hospital_name (name),
    KEY idx_hospital_org (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE medical_team (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    org_id          BIGINT      NOT NULL,
    name            VARCHAR(64) NOT NULL,
    destination     VARCHAR(64) NOT NULL,
    aiding_hubei    TINYINT     NOT NULL DEFAULT 0,
    batch           INT         NULL,
    departure_date  DATE        NULL,
    return_date     DATE        NULL,
    status          VARCHAR(16) NOT NULL,
    version         INT         NOT NULL DEFAULT 0,
    created_at      DATETIME(3) NOT NULL,
    updated_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_medical_team_name (name),
    KEY idx_medical_team_org (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE medical_team_hospital (
    team_id      BIGINT NOT NULL,
    hospital_id  BIGINT NOT NULL,
    PRIMARY KEY (team_id, hospital_id),
    KEY idx_team_hospital_hospital (hospital_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- team leads and liaisons (领队/联络员); org_id copies the team's, for jurisdiction
CREATE TABLE team_contact (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    team_id       BIGINT       NOT NULL,
    org_id        BIGINT       NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    name          VARCHAR(32)  NOT NULL,
    phone_sealed  VARCHAR(128) NOT NULL,
    phone_index   CHAR(64)     NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_team_contact_team (team_id),
    KEY idx_team_contact_phone (phone_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- the fields of seed 003 annex 2, plus team, Hubei and batch; identified by hospital + name + own phone
CREATE TABLE medical_worker (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    -- the district (or other) league the worker and family are registered with
    org_id                BIGINT        NOT NULL,
    hospital_id           BIGINT        NOT NULL,
    team_id               BIGINT        NULL,
    name                  VARCHAR(32)   NOT NULL,
    gender                VARCHAR(8)    NOT NULL,
    position              VARCHAR(32)   NULL,
    frontline_location    VARCHAR(128)  NULL,
    home_address_sealed   VARCHAR(600)  NULL,
    own_phone_sealed      VARCHAR(128)  NOT NULL,
    own_phone_index       CHAR(64)      NOT NULL,
    family_phone_sealed   VARCHAR(128)  NULL,
    family_phone_index    CHAR(64)      NULL,
    id_number_sealed      VARCHAR(128)  NULL,
    notes_sealed          VARCHAR(1200) NULL,
    paired_volunteer      VARCHAR(32)   NULL,
    aided_hubei           TINYINT       NOT NULL DEFAULT 0,
    batch                 INT           NULL,
    version               INT           NOT NULL DEFAULT 0,
    created_at            DATETIME(3)   NOT NULL,
    updated_at            DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_medical_worker_identity (hospital_id, name, own_phone_index),
    KEY idx_medical_worker_org (org_id, batch),
    KEY idx_medical_worker_own_phone (own_phone_index),
    KEY idx_medical_worker_family_phone (family_phone_index),
    KEY idx_medical_worker_team (team_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- one family per medical worker; same org as the worker
CREATE TABLE family (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    org_id          BIGINT        NOT NULL,
    worker_id       BIGINT        NOT NULL,
    address_sealed  VARCHAR(600)  NULL,
    latitude        DECIMAL(9, 6) NULL,
    longitude       DECIMAL(9, 6) NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_family_worker (worker_id),
    KEY idx_family_org (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- needs flags stay in clear (matching and coverage count them); who the member is, is sealed
CREATE TABLE family_member (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    family_id        BIGINT        NOT NULL,
    org_id           BIGINT        NOT NULL,
    relation         VARCHAR(16)   NOT NULL,
    age_band         VARCHAR(16)   NOT NULL,
    elderly_alone    TINYINT       NOT NULL DEFAULT 0,
    school_child     TINYINT       NOT NULL DEFAULT 0,
    chronic_illness  TINYINT       NOT NULL DEFAULT 0,
    pregnant         TINYINT       NOT NULL DEFAULT 0,
    disabled         TINYINT       NOT NULL DEFAULT 0,
    -- JSON {name, phone, schoolGrade, healthNote}
    details_sealed   VARCHAR(2000) NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_family_member_family (family_id),
    KEY idx_family_member_org (org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- append-only: each reveal of personal data in clear
CREATE TABLE personal_data_access (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    org_id        BIGINT       NOT NULL,
    staff_id      BIGINT       NOT NULL,
    staff_name    VARCHAR(64)  NOT NULL,
    subject_type  VARCHAR(32)  NOT NULL,
    subject_id    BIGINT       NOT NULL,
    fields        VARCHAR(255) NOT NULL,
    reason        VARCHAR(200) NOT NULL,
    client_ip     VARCHAR(64)  NULL,
    trace_id      VARCHAR(64)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_personal_data_access_org_time (org_id, created_at),
    KEY idx_personal_data_access_subject (subject_type, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
