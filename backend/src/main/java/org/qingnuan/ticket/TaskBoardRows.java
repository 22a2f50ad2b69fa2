package org.qingnuan.ticket;

import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rows of a volunteer's task board in one statement: the given ids (the open-task index's nearest) and the open
 * tasks of their categories that a unit of theirs ({@code units}: their org and those above it) opened to its own
 * volunteers. A task both near and offered comes twice.
 *
 * <p>Plain JDBC with the mapping written out, not a mapper statement: the board is read on every refresh of every
 * volunteer's list, and MyBatis's dynamic SQL for a fifty-id IN list and its reflective mapping of fifty rows were
 * 40 % of the request's CPU (issue 19, decision 318). Only the columns the list shows or checks are read; the other
 * fields of the returned objects stay null, and nothing but the list (and the claim, {@link #claimable}) may use them.
 */
@Component
public class TaskBoardRows {

    public static final String COLUMNS = "id, org_id, status, category, urgency, description_sealed, district, latitude, longitude,"
            + " window_start, window_end, contact_method, open_to_org_id, claimed_at, started_at";

    /**
     * What a claim reads of its task: the board's columns, and what the claim's move, its history row and the claimer's
     * view (the address and phone) need besides. Read by every volunteer pressing "claim" who is not turned away by
     * Redis first; MyBatis's mapping of the whole row was the largest part of a claim's CPU (issue 19).
     */
    private static final String CLAIM_COLUMNS = COLUMNS + ", version, family_id, address_sealed, contact_phone_sealed,"
            + " photo_keys, claimed_by";

    private final JdbcTemplate jdbc;

    TaskBoardRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<HelpTicket> board(Collection<Long> ids, Collection<Long> units, Collection<TicketCategory> categories, int limit) {
        boolean offered = !units.isEmpty() && !categories.isEmpty();
        if (ids.isEmpty() && !offered) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>(ids.size() + units.size() + categories.size() + 1);
        if (!ids.isEmpty()) {
            sql.append("SELECT ").append(COLUMNS).append(" FROM help_ticket WHERE id IN (");
            placeholders(sql, ids.size()).append(')');
            args.addAll(ids);
        }
        if (offered) {
            sql.append(ids.isEmpty() ? "" : " UNION ALL ").append("SELECT * FROM (SELECT ").append(COLUMNS)
                    .append(" FROM help_ticket WHERE status = 'OPEN' AND open_to_org_id IN (");
            placeholders(sql, units.size()).append(") AND category IN (");
            placeholders(sql, categories.size()).append(") ORDER BY id LIMIT ?) offered");
            args.addAll(units);
            categories.forEach(c -> args.add(c.name()));
            args.add(limit);
        }
        return jdbc.query(sql.toString(), TaskBoardRows::row, args.toArray());
    }

    /** The task as a claim needs it ({@link #CLAIM_COLUMNS}; the other fields stay null), or null when there is none. */
    /** A task as a claim reads it, and how many tasks the claimer holds already (claimed or started, in any org). */
    record Claimable(HelpTicket task, long claimerActive) {
    }

    /**
     * The task and the claimer's count of active tasks in one statement: every volunteer pressing "claim" at the same
     * moment reads both before the race, and the count is checked again under their row lock ({@link DailyTaskCounts}).
     */
    Claimable claimable(long id, long volunteerId) {
        List<Claimable> rows = jdbc.query("SELECT " + CLAIM_COLUMNS + ", (" + DailyTaskCounts.ACTIVE + ") FROM help_ticket WHERE id = ?",
                (rs, n) -> {
                    HelpTicket t = row(rs, n);
                    t.setVersion(rs.getInt(16));
                    t.setFamilyId(rs.getLong(17));
                    t.setAddressSealed(rs.getString(18));
                    t.setContactPhoneSealed(rs.getString(19));
                    t.setPhotoKeys(rs.getString(20));
                    long claimer = rs.getLong(21);
                    t.setClaimedBy(rs.wasNull() ? null : claimer);
                    return new Claimable(t, rs.getLong(22));
                }, volunteerId, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static StringBuilder placeholders(StringBuilder sql, int n) {
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        return sql;
    }

    private static HelpTicket row(ResultSet rs, int rowNum) throws SQLException {
        HelpTicket t = new HelpTicket();
        t.setId(rs.getLong(1));
        t.setOrgId(rs.getLong(2));
        t.setStatus(TicketStatus.valueOf(rs.getString(3)));
        t.setCategory(TicketCategory.valueOf(rs.getString(4)));
        String urgency = rs.getString(5);
        t.setUrgency(urgency == null ? null : Urgency.valueOf(urgency));
        t.setDescriptionSealed(rs.getString(6));
        t.setDistrict(rs.getString(7));
        t.setLatitude(rs.getBigDecimal(8));
        t.setLongitude(rs.getBigDecimal(9));
        t.setWindowStart(localDateTime(rs.getTimestamp(10)));
        t.setWindowEnd(localDateTime(rs.getTimestamp(11)));
        String contact = rs.getString(12);
        t.setContactMethod(contact == null ? null : ContactMethod.valueOf(contact));
        long openTo = rs.getLong(13);
        t.setOpenToOrgId(rs.wasNull() ? null : openTo);
        t.setClaimedAt(localDateTime(rs.getTimestamp(14)));
        t.setStartedAt(localDateTime(rs.getTimestamp(15)));
        return t;
    }

    private static java.time.LocalDateTime localDateTime(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime();
    }
}
