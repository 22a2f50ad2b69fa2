package org.qingnuan.testing;

import org.qingnuan.identity.UserSessions;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Volunteers already approved, trained and insured, with a signed-in mini-program session, made
 * straight in the database: races need hundreds of them, and registration has its own test.
 */
public final class DutyReadyVolunteers {

    public record Ready(long userId, long volunteerId, String token) {
    }

    private final JdbcTemplate jdbc;
    private final UserSessions sessions;
    private final PersonalDataCipher cipher;

    public DutyReadyVolunteers(JdbcTemplate jdbc, UserSessions sessions, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.cipher = cipher;
    }

    public Ready create(OrgUnit org, double latitude, double longitude) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        String openId = "oReady" + Fixtures.unique();
        long userId = insert("INSERT INTO wx_user (open_id, last_login_at, created_at, updated_at) VALUES (?, ?, ?, ?)",
                openId, now, now, now);
        String phone = People.mobile();
        long volunteerId = insert("INSERT INTO volunteer (user_id, org_id, name, phone_sealed, phone_index, id_number_sealed,"
                        + " skills, home_latitude, home_longitude, radius_km, status, training_passed_at, insurance_policy,"
                        + " insurance_until, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'SHOPPING,DRIVER,TUTOR,ELDERLY_CARE,PSYCHOLOGIST', ?, ?, 20, 'APPROVED', ?,"
                        + " 'POLICY-1', DATE_ADD(CURDATE(), INTERVAL 1 YEAR), 0, ?, ?)",
                userId, org.getId(), "志愿者" + Fixtures.unique(), cipher.seal(phone), cipher.blindIndex(phone),
                cipher.seal(People.idNumber()), latitude, longitude, now, now, now);
        jdbc.update("INSERT INTO wx_user_role (user_id, role, subject_id, org_id, source, created_at, updated_at)"
                + " VALUES (?, 'VOLUNTEER', ?, ?, 'PHONE', ?, ?)", userId, volunteerId, org.getId(), now, now);
        return new Ready(userId, volunteerId, sessions.open(userId, null));
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
