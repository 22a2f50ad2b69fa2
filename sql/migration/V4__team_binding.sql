-- Team leads and liaisons bind their WeChat (official account openid) to their medical team, by
-- scanning the team's parametric QR code (scene "team:<invite code>") or sending the invite code.
ALTER TABLE medical_team ADD COLUMN invite_code VARCHAR(16) NULL;
CREATE UNIQUE INDEX uk_medical_team_invite_code ON medical_team (invite_code);

CREATE TABLE team_binding (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    team_id     BIGINT      NOT NULL,
    -- the team's org, for jurisdiction
    org_id      BIGINT      NOT NULL,
    open_id     VARCHAR(64) NOT NULL,
    source      VARCHAR(16) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_team_binding (team_id, open_id),
    KEY idx_team_binding_open_id (open_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
