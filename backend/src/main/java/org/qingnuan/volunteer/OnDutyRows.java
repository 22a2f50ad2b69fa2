package org.qingnuan.volunteer;

import org.qingnuan.api.volunteer.VolunteerStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * A signed-in user's volunteer row as the task board needs it: who they are, where they serve, and what their duty gate
 * checks. Every volunteer request — each refresh of the nearby list, each claim — reads it first.
 *
 * <p>Plain JDBC with the mapping written out, as the task board's rows ({@code TaskBoardRows}): MyBatis's reflective
 * mapping of the whole row was a third of a claim's CPU (issue 19). Only these columns are read; the other fields of
 * the returned object stay null, and nothing but {@link Volunteers#onDuty(org.qingnuan.identity.UserPrincipal)} may
 * use it.
 */
@Component
class OnDutyRows {

    private static final String SQL = "SELECT id, org_id, name, skills, home_latitude, home_longitude, radius_km, status,"
            + " review_note, training_passed_at, insurance_until FROM volunteer WHERE user_id = ?";

    private final JdbcTemplate jdbc;

    OnDutyRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's volunteer row (those columns), or null when they are not a volunteer. */
    Volunteer ofUser(long userId) {
        List<Volunteer> rows = jdbc.query(SQL, OnDutyRows::row, userId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Volunteer row(ResultSet rs, int n) throws SQLException {
        Volunteer v = new Volunteer();
        v.setId(rs.getLong(1));
        long org = rs.getLong(2);
        v.setOrgId(rs.wasNull() ? null : org);
        v.setName(rs.getString(3));
        v.setSkills(rs.getString(4));
        v.setHomeLatitude(rs.getBigDecimal(5));
        v.setHomeLongitude(rs.getBigDecimal(6));
        v.setRadiusKm(rs.getInt(7));
        v.setStatus(VolunteerStatus.valueOf(rs.getString(8)));
        v.setReviewNote(rs.getString(9));
        Timestamp trained = rs.getTimestamp(10);
        v.setTrainingPassedAt(trained == null ? null : trained.toLocalDateTime());
        Date insured = rs.getDate(11);
        v.setInsuranceUntil(insured == null ? null : insured.toLocalDate());
        return v;
    }
}
