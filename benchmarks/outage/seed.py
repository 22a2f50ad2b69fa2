"""Seeding helpers shared by nearby_fallback.py and faults.py: an org, open tasks over Guangdong (the same
distribution as the claim benchmark's nearby part: half around four cities, half uniform), and duty-ready
volunteers with a mini-program session each."""

import random
import time

from qn import q, open_session, redis_pipeline

LAT_MIN, LAT_MAX, LNG_MIN, LNG_MAX = 20.2, 25.5, 109.6, 117.3
CITIES = [(23.13, 113.26), (22.54, 114.06), (23.02, 113.75), (23.02, 113.12)]
CITY_SHARE, CITY_SIGMA = 0.5, 0.15
CATEGORIES = ["SUPPLIES", "SPECIAL_FUND", "TRANSPORT", "DAILY_LIVING", "MEALS", "CARE", "TUTORING", "PSYCHOLOGICAL", "OTHER"]
SKILLS = ["DRIVER", "TUTOR", "PSYCHOLOGIST", "SHOPPING", "ELDERLY_CARE", "MEDICAL"]
NOW = "NOW(3)"


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def point(rnd):
    if rnd.random() < CITY_SHARE:
        c = CITIES[rnd.randrange(len(CITIES))]
        return (clamp(c[0] + rnd.gauss(0, CITY_SIGMA), LAT_MIN, LAT_MAX), clamp(c[1] + rnd.gauss(0, CITY_SIGMA), LNG_MIN, LNG_MAX))
    return (rnd.uniform(LAT_MIN, LAT_MAX), rnd.uniform(LNG_MIN, LNG_MAX))


def org(sql, name="广东省团委（压测）"):
    """A root org for everything the script creates; returns its id."""
    sql.run("INSERT INTO org_unit (parent_id, path, depth, name, type, region, version, deleted, created_at, updated_at)"
            " VALUES (NULL, '/', 0, %s, 'PROVINCE_LEAGUE', '广东省', 0, 0, NOW(3), NOW(3));"
            " UPDATE org_unit SET path = CONCAT('/', id, '/') WHERE id = LAST_INSERT_ID();" % q(name))
    return int(sql.value("SELECT MAX(id) FROM org_unit"))


def open_tasks(sql, keys, org_id, n, rnd, batch=2000, family_id=0):
    description = q(keys.seal("请帮忙买一袋米和一桶油，谢谢"))
    address = q(keys.seal("广州市天河区测试路1号"))
    started = time.time()
    for start in range(0, n, batch):
        rows = []
        for _ in range(min(batch, n - start)):
            lat, lng = point(rnd)
            rows.append("(%d, %d, 'MINI_PROGRAM', 'FAMILY', '%s', 'NORMAL', 'OPEN', 0, 'PASS', %s, %s, '广东', %.6f, %.6f,"
                        " 'PHONE_CALL', 0, NOW(3), NOW(3))" % (org_id, family_id, rnd.choice(CATEGORIES), description, address, lat, lng))
        sql.run("INSERT INTO help_ticket (org_id, family_id, channel, submitter_type, category, urgency, status, crisis,"
                " content_check, description_sealed, address_sealed, district, latitude, longitude, contact_method, version,"
                " created_at, updated_at) VALUES " + ",".join(rows) + ";")
    return time.time() - started


def volunteers(sql, keys, org_id, n, rnd, redis_port, tag, skills=None, radius=None, near=None):
    """Duty-ready volunteers (approved, trained, insured) with a session each; returns [(token, volunteer id)]."""
    out = []
    commands = []
    for i in range(n):
        open_id = "oBench%s%05d" % (tag, i)
        lat, lng = near if near else point(rnd)
        mine = skills or ",".join(sorted(rnd.sample(SKILLS, rnd.randint(1, 3))))
        phone = "139%08d" % rnd.randrange(10 ** 8)
        sql.run(
            "INSERT INTO wx_user (open_id, last_login_at, created_at, updated_at) VALUES (%s, NOW(3), NOW(3), NOW(3));"
            " SET @u = LAST_INSERT_ID();"
            " INSERT INTO volunteer (user_id, org_id, name, phone_sealed, phone_index, id_number_sealed, skills, home_latitude,"
            " home_longitude, radius_km, status, training_passed_at, insurance_policy, insurance_until, version, created_at,"
            " updated_at) VALUES (@u, %d, %s, %s, %s, %s, %s, %.6f, %.6f, %d, 'APPROVED', NOW(3), 'POLICY-1',"
            " DATE_ADD(CURDATE(), INTERVAL 1 YEAR), 0, NOW(3), NOW(3));"
            " SET @v = LAST_INSERT_ID();"
            " INSERT INTO wx_user_role (user_id, role, subject_id, org_id, source, created_at, updated_at)"
            " VALUES (@u, 'VOLUNTEER', @v, %d, 'PHONE', NOW(3), NOW(3));"
            " SELECT @u, @v;" % (q(open_id), org_id, q("志愿者%d" % i), q(keys.seal(phone)), q(keys.blind_index(phone + tag + str(i))),
                                 q(keys.seal("44010619900101%04d" % i)), q(mine), lat, lng, radius or rnd.randint(5, 20), org_id))
        row = sql.run("SELECT id, (SELECT id FROM volunteer WHERE user_id = wx_user.id) FROM wx_user WHERE open_id = %s" % q(open_id))[0]
        token, cmds = open_session(int(row[0]))
        commands += cmds
        out.append((token, int(row[1])))
    redis_pipeline(redis_port, commands)
    return out
