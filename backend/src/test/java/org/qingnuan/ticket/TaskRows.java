package org.qingnuan.ticket;

import org.qingnuan.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;

/** A supplies request of a district straight in the database, in the state a test needs (races need many). */
final class TaskRows {

    private TaskRows() {
    }

    static long insert(JdbcTemplate jdbc, PersonalDataCipher cipher, Clock clock, long orgId, String status,
                       double latitude, double longitude) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO help_ticket (org_id, family_id, channel,"
                    + " submitter_type, category, urgency, status, crisis, content_check, description_sealed, address_sealed,"
                    + " district, latitude, longitude, contact_method, version, created_at, updated_at)"
                    + " VALUES (?, 0, 'MINI_PROGRAM', 'FAMILY', 'SUPPLIES', 'NORMAL', ?, 0, 'PASS', ?, ?, '江岸区',"
                    + " ?, ?, 'PHONE_CALL', 0, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, orgId);
            ps.setString(2, status);
            ps.setString(3, cipher.seal("请帮忙买一袋米和一桶油"));
            ps.setString(4, cipher.seal("江岸区测试路1号"));
            ps.setBigDecimal(5, BigDecimal.valueOf(latitude));
            ps.setBigDecimal(6, BigDecimal.valueOf(longitude));
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
