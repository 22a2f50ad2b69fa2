package org.qingnuan.ledger.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The ledger's counts, per org of a subtree. The subtree's org ids are read first with the condition
 * {@code JurisdictionFilter} writes ({@link #subtree}: path starts with the given org's path), from an org the
 * caller read through the filter ({@code Ledgers}), or all orgs for the nightly job; the counts then name those
 * ids, so MariaDB walks the (org_id, time) indexes org by org and a city reads only its own rows.
 * These statements skip the filter's own pass ({@code @InterceptorIgnore}): on help_ticket it adds "org in my
 * subtree OR responsible unit in my subtree", which here only repeats the subtree, but which MariaDB evaluates
 * per row after MyBatis-Plus has parsed the statement — ten times the query itself for a province
 * (docs/benchmarks.md). Requests listed by a drill-down still pass the filter when their rows are read.
 * Every time window is [from, to) in Shanghai wall-clock time, as the columns hold it.
 */
@Mapper
public interface LedgerMapper {

    String ORGS = " org_id IN <foreach collection='orgs' item='o' open='(' separator=',' close=')'>#{o}</foreach> ";
    /** States a request is still being worked on in (not DONE, CONFIRMED, CANCELLED, REJECTED or CLOSED). */
    String OPEN = " ('SUBMITTED', 'ACCEPTED', 'OPEN', 'DISPATCHED', 'CLAIMED', 'IN_PROGRESS') ";

    record NewCount(Long orgId, String category, String channel, Long n) {
    }

    record OrgCount(Long orgId, String key, Long n) {
    }

    /** How long one request took, in seconds (the database subtracts: one number a row instead of two times). */
    record Span(Long orgId, Long seconds) {
    }

    record RatingSum(Long orgId, Long n, Long total) {
    }

    /** The org and every org below it: the subtree exactly as the jurisdiction filter defines it. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT id FROM org_unit WHERE path LIKE CONCAT(#{path}, '%')")
    List<Long> subtree(@Param("path") String path);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, category, channel, COUNT(*) FROM help_ticket WHERE" + ORGS
            + "AND created_at &gt;= #{from} AND created_at &lt; #{to} GROUP BY org_id, category, channel</script>")
    List<NewCount> newTickets(@Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /**
     * Moves a request makes at most once (ACCEPT leaves SUBMITTED, COMPLETE enters DONE, the confirmations leave
     * it; none of those states comes back), so their entries are the distinct requests without a DISTINCT.
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, CASE WHEN action IN ('CONFIRM', 'CONFIRM_BY_PHONE', 'AUTO_CONFIRM') THEN 'CONFIRM'"
            + " ELSE action END, COUNT(*) FROM help_ticket_event WHERE" + ORGS
            + "AND action IN ('ACCEPT', 'COMPLETE', 'CONFIRM', 'CONFIRM_BY_PHONE', 'AUTO_CONFIRM')"
            + " AND created_at &gt;= #{from} AND created_at &lt; #{to} GROUP BY org_id, action</script>")
    List<OrgCount> onceMoves(@Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** Moves a request can make again (dispatched after a pass-back, claimed after a release): distinct requests. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, CASE WHEN action = 'DISPATCH' THEN 'DISPATCH' ELSE 'CLAIM' END, COUNT(DISTINCT ticket_id)"
            + " FROM help_ticket_event WHERE" + ORGS + "AND action IN ('DISPATCH', 'CLAIM', 'ASSIGN')"
            + " AND created_at &gt;= #{from} AND created_at &lt; #{to}"
            + " GROUP BY org_id, CASE WHEN action = 'DISPATCH' THEN 'DISPATCH' ELSE 'CLAIM' END</script>")
    List<OrgCount> repeatMoves(@Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, 'OVERDUE', COUNT(DISTINCT ticket_id) FROM ticket_overdue"
            + " WHERE detected_at &gt;= #{from} AND detected_at &lt; #{to} AND" + ORGS + "GROUP BY org_id</script>")
    List<OrgCount> overdue(@Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** Requests being worked on now (today's "still open at the end of the day"). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, 'OPEN', COUNT(*) FROM help_ticket WHERE" + ORGS + "AND status IN" + OPEN
            + "GROUP BY org_id</script>")
    List<OrgCount> openNow(@Param("orgs") Collection<Long> orgs);

    /**
     * Requests open at {@code end} of a past day, in three parts: still open now and created before it, and
     * done or ended (cancelled, rejected, closed) only after it. Finished states are final and their moment is
     * kept (done_at, closed_at), so no history needs replaying.
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, 'OPEN', COUNT(*) FROM help_ticket WHERE" + ORGS + "AND status IN" + OPEN
            + "AND created_at &lt; #{end} GROUP BY org_id"
            + " UNION ALL SELECT org_id, 'DONE_AFTER', COUNT(*) FROM help_ticket WHERE" + ORGS
            + "AND done_at &gt;= #{end} AND created_at &lt; #{end} GROUP BY org_id"
            + " UNION ALL SELECT org_id, 'ENDED_AFTER', COUNT(*) FROM help_ticket WHERE" + ORGS
            + "AND closed_at &gt;= #{end} AND created_at &lt; #{end} GROUP BY org_id</script>")
    List<OrgCount> openAt(@Param("orgs") Collection<Long> orgs, @Param("end") LocalDateTime end);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, TIMESTAMPDIFF(SECOND, created_at, accepted_at) FROM help_ticket WHERE" + ORGS
            + "AND accepted_at &gt;= #{from} AND accepted_at &lt; #{to}</script>")
    List<Span> firstResponses(@Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, TIMESTAMPDIFF(SECOND, created_at, done_at) FROM help_ticket WHERE" + ORGS
            + "AND done_at &gt;= #{from} AND done_at &lt; #{to}</script>")
    List<Span> completions(@Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, COUNT(rating), SUM(rating) FROM help_ticket WHERE" + ORGS
            + "AND confirmed_at &gt;= #{from} AND confirmed_at &lt; #{to} AND rating IS NOT NULL GROUP BY org_id</script>")
    List<RatingSum> ratings(@Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT org_id, status, COUNT(*) FROM help_ticket WHERE" + ORGS + "AND status IN" + OPEN
            + "GROUP BY org_id, status</script>")
    List<OrgCount> openByStatus(@Param("orgs") Collection<Long> orgs);

    // ---- drill-down: the requests behind a figure, newest first ----

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT id FROM help_ticket WHERE" + ORGS + "AND created_at &gt;= #{from} AND created_at &lt; #{to} "
            + "<if test='category != null'>AND category = #{category} </if><if test='channel != null'>AND channel = #{channel} </if>"
            + "ORDER BY id DESC</script>")
    IPage<Long> newIds(IPage<Long> page, @Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from,
                       @Param("to") LocalDateTime to, @Param("category") String category, @Param("channel") String channel);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT DISTINCT ticket_id FROM help_ticket_event WHERE" + ORGS
            + "AND action IN <foreach collection='actions' item='a' open='(' separator=',' close=')'>#{a}</foreach>"
            + " AND created_at &gt;= #{from} AND created_at &lt; #{to} ORDER BY ticket_id DESC</script>")
    IPage<Long> moveIds(IPage<Long> page, @Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from,
                        @Param("to") LocalDateTime to, @Param("actions") List<String> actions);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT DISTINCT ticket_id FROM ticket_overdue WHERE detected_at &gt;= #{from} AND detected_at &lt; #{to} AND"
            + ORGS + "ORDER BY ticket_id DESC</script>")
    IPage<Long> overdueIds(IPage<Long> page, @Param("orgs") Collection<Long> orgs, @Param("from") LocalDateTime from,
                           @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT id FROM help_ticket WHERE" + ORGS + "AND status IN" + OPEN + "ORDER BY id DESC</script>")
    IPage<Long> openNowIds(IPage<Long> page, @Param("orgs") Collection<Long> orgs);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT id FROM help_ticket WHERE" + ORGS + "AND created_at &lt; #{end} AND (status IN" + OPEN
            + "OR done_at &gt;= #{end} OR closed_at &gt;= #{end}) ORDER BY id DESC</script>")
    IPage<Long> openAtIds(IPage<Long> page, @Param("orgs") Collection<Long> orgs, @Param("end") LocalDateTime end);
}
