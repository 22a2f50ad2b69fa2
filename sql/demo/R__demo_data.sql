-- Demo data for the embedded default only (profile "embedded"; Flyway location db/demo).
-- The production profile never lists this location. Every demo account's password is qingnuan-demo.

INSERT INTO org_unit (id, parent_id, path, depth, name, type, region, created_at, updated_at) VALUES
 (1,  NULL, '/1/',      0, '共青团广东省委员会',         'PROVINCE_LEAGUE',   '广东省',         CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (2,  1,    '/1/2/',    1, '共青团广州市委员会',         'CITY_LEAGUE',       '广州市',         CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (3,  2,    '/1/2/3/',  2, '共青团广州市天河区委员会',   'DISTRICT_LEAGUE',   '广州市天河区',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (4,  2,    '/1/2/4/',  2, '共青团广州市越秀区委员会',   'DISTRICT_LEAGUE',   '广州市越秀区',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (5,  1,    '/1/5/',    1, '共青团深圳市委员会',         'CITY_LEAGUE',       '深圳市',         CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (6,  5,    '/1/5/6/',  2, '共青团深圳市福田区委员会',   'DISTRICT_LEAGUE',   '深圳市福田区',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (7,  5,    '/1/5/7/',  2, '共青团深圳市南山区委员会',   'DISTRICT_LEAGUE',   '深圳市南山区',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (8,  1,    '/1/8/',    1, '共青团中山大学委员会',       'UNIVERSITY_LEAGUE', '广州市海珠区',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (9,  1,    '/1/9/',    1, '广东省青少年发展基金会',     'PARTNER_UNIT',      '广东省',         CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO staff_account (id, org_id, username, display_name, password_hash, roles, created_at, updated_at) VALUES
 (1, 1, 'admin',         '省团委超级管理员', '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'SUPER_ADMIN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (2, 1, 'gd-orgadmin',   '省团委组织管理员', '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'ORG_ADMIN',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (3, 1, 'gd-dispatcher', '省团委派单员',     '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'DISPATCHER',  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (4, 1, 'gd-viewer',     '省团委查看员',     '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'VIEWER',      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (5, 2, 'gz-superadmin', '广州市团委超级管理员', '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'SUPER_ADMIN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (6, 2, 'gz-orgadmin',   '广州市团委组织管理员', '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'ORG_ADMIN',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (7, 2, 'gz-dispatcher', '广州市团委派单员',     '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'DISPATCHER',  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (8, 2, 'gz-viewer',     '广州市团委查看员',     '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'VIEWER',      CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (9, 5, 'sz-orgadmin',   '深圳市团委组织管理员', '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'ORG_ADMIN',   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (10, 5, 'sz-dispatcher', '深圳市团委派单员',    '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'DISPATCHER',  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- district staff: they see and dispatch the requests of their own district only
INSERT INTO staff_account (id, org_id, username, display_name, password_hash, roles, created_at, updated_at) VALUES
 (11, 3, 'th-dispatcher', '天河区团委派单员', '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'DISPATCHER', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
 (12, 6, 'ft-dispatcher', '福田区团委派单员', '$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.', 'DISPATCHER', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
