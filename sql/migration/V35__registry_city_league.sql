-- Issue 18: the registry as a city league fills it.

-- A worker is matched on re-import by ID number when the row has one, else by hospital + name; the
-- own phone is no longer part of the identity (a corrected phone must update, not duplicate).
-- one statement each: the embedded default runs these on H2 too
ALTER TABLE medical_worker ADD COLUMN id_number_index CHAR(64) NULL;
ALTER TABLE medical_worker ADD COLUMN withdrawn_at DATETIME(3) NULL;
ALTER TABLE medical_worker ADD COLUMN withdraw_reason VARCHAR(200) NULL;
ALTER TABLE medical_worker DROP INDEX uk_medical_worker_identity;
CREATE UNIQUE INDEX uk_medical_worker_id_number ON medical_worker (id_number_index);
CREATE INDEX idx_medical_worker_hospital_name ON medical_worker (hospital_id, name);

-- The registry's history for annex 1 "截至" any past day: one row per span of time during which a worker
-- counted in one org with one Hubei flag and one batch. valid_to NULL = still so. A withdrawal closes
-- the span, a restore opens a new one, a move or a change of batch closes one and opens another; an
-- entry deleted as a mistake loses its spans (it never counted).
CREATE TABLE medical_worker_span (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    worker_id    BIGINT       NOT NULL,
    org_id       BIGINT       NOT NULL,
    aided_hubei  TINYINT      NOT NULL,
    batch        INT          NULL,
    valid_from   DATETIME(3)  NOT NULL,
    valid_to     DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_worker_span_worker (worker_id, valid_to),
    KEY idx_worker_span_time (valid_from, valid_to, org_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO medical_worker_span (worker_id, org_id, aided_hubei, batch, valid_from, valid_to)
SELECT id, org_id, aided_hubei, batch, created_at, NULL FROM medical_worker;
