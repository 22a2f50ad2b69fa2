package org.qingnuan.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily ledger (工作台账) of an org's subtree for one day. {@code live}: counted now (today, or a past
 * day without a nightly snapshot); otherwise read from the snapshot. Medians and the average are
 * {@code null} (and still present in the JSON) when nothing was accepted, done or rated that day.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Ledger(long orgId, String orgName, LocalDate date, boolean live,
                     long newTotal, List<Count> newByCategory, List<Count> newByChannel,
                     long accepted, long dispatched, long claimed, long done, long confirmed, long overdue,
                     long openAtEnd, Double medianFirstResponseMinutes, Double medianDoneMinutes,
                     Double averageRating, long ratedCount) {

    /** One row of a breakdown: enum name, its Chinese label, how many. */
    public record Count(String key, String label, long count) {
    }

    /** One day of the dashboard's trend. */
    public record TrendPoint(LocalDate date, long newTotal, long done, long confirmed, long overdue, long openAtEnd) {
    }

    /** Requests of the subtree in one status now. */
    public record StatusCount(String status, String label, long count) {
    }

    static Ledger of(long orgId, String orgName, LocalDate date, boolean live, Figures f) {
        return new Ledger(orgId, orgName, date, live, f.newTotal(), f.newByCategory(), f.newByChannel(), f.accepted(),
                f.dispatched(), f.claimed(), f.done(), f.confirmed(), f.overdue(), f.openAtEnd(),
                f.medianFirstResponseMinutes(), f.medianDoneMinutes(), f.averageRating(), f.ratedCount());
    }

    TrendPoint trendPoint() {
        return new TrendPoint(date, newTotal, done, confirmed, overdue, openAtEnd);
    }

    /** The figures alone: what a snapshot keeps (names and "live" are added when read). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Figures(long newTotal, List<Count> newByCategory, List<Count> newByChannel,
                   long accepted, long dispatched, long claimed, long done, long confirmed, long overdue,
                   long openAtEnd, Double medianFirstResponseMinutes, Double medianDoneMinutes,
                   Double averageRating, long ratedCount) {
    }
}
