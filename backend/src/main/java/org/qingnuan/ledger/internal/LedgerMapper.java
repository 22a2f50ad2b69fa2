package org.qingnuan.ledger.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The ledger's counts, per org of a subtree given by its path. The subtree condition is written the way
 * {@code JurisdictionFilter} writes it (org ids whose path starts with the given one), and the path is always
 * that of an org the caller read through the filter ({@code Ledgers}), or the root's for the nightly job. So
 * these statements skip the filter's own pass ({@code @InterceptorIgnore}): on help_ticket it adds
 * "org in my subtree OR responsible unit in my subtree", which here only repeats the subtree, but which MariaDB
 * evaluates per row and MyBatis-Plus parses per call — ten times the query itself for a province
 * (docs/benchmarks.md). Requests listed by a drill-down still pass the filter when their rows are read.
 * Every time window is [from, to) in Shanghai wall-clock time, as the columns hold it.
 */
@Mapper
public interface LedgerMapper {

    String SUBTREE = " org_id IN (SELECT id FROM org_unit WHERE path LIKE CONCAT(#{path}, '%')) ";
    /** States a request is still being worked on in (not DONE, CONFIRMED, CANCELLED, REJECTED or CLOSED). */
    String OPEN = " ('SUBMITTED', 'ACCEPTED', 'OPEN', 'DISPATCHED', 'CLAIMED', 'IN_PROGRESS') ";
    /** The moves the ledger counts; a claim by the volunteer and an assignment by staff are one figure, so are the confirmations. */
    String MOVE = "CASE WHEN action IN ('CLAIM', 'ASSIGN') THEN 'CLAIM'"
            + " WHEN action IN ('CONFIRM', 'CONFIRM_BY_PHONE', 'AUTO_CONFIRM') THEN 'CONFIRM' ELSE action END";
    String MOVES = " ('ACCEPT', 'DISPATCH', 'CLAIM', 'ASSIGN', 'COMPLETE', 'CONFIRM', 'CONFIRM_BY_PHONE', 'AUTO_CONFIRM') ";

    record NewCount(Long orgId, String category, String channel, Long n) {
    }

    record OrgCount(Long orgId, String key, Long n) {
    }

    record Span(Long orgId, LocalDateTime start, LocalDateTime end) {
    }

    record RatingSum(Long orgId, Long n, Long total) {
    }

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, category, channel, COUNT(*) FROM help_ticket WHERE created_at >= #{from} AND created_at < #{to}"
            + " AND" + SUBTREE + "GROUP BY org_id, category, channel")
    List<NewCount> newTickets(@Param("path") String path, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** Distinct requests per org and move (ACCEPT, DISPATCH, CLAIM, COMPLETE, CONFIRM). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, " + MOVE + ", COUNT(DISTINCT ticket_id) FROM help_ticket_event"
            + " WHERE created_at >= #{from} AND created_at < #{to} AND action IN" + MOVES + "AND" + SUBTREE
            + "GROUP BY org_id, " + MOVE)
    List<OrgCount> moves(@Param("path") String path, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, 'OVERDUE', COUNT(DISTINCT ticket_id) FROM ticket_overdue"
            + " WHERE detected_at >= #{from} AND detected_at < #{to} AND" + SUBTREE + "GROUP BY org_id")
    List<OrgCount> overdue(@Param("path") String path, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** Requests being worked on now (today's "still open at the end of the day"). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, 'OPEN', COUNT(*) FROM help_ticket WHERE status IN" + OPEN + "AND" + SUBTREE + "GROUP BY org_id")
    List<OrgCount> openNow(@Param("path") String path);

    /**
     * Requests open at {@code end} of a past day, in three parts: still open now and created before it, and
     * done or ended (cancelled, rejected, closed) only after it. Finished states are final and their moment is
     * kept (done_at, closed_at), so no history needs replaying.
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, 'OPEN', COUNT(*) FROM help_ticket WHERE status IN" + OPEN + "AND created_at < #{end} AND"
            + SUBTREE + "GROUP BY org_id"
            + " UNION ALL SELECT org_id, 'DONE_AFTER', COUNT(*) FROM help_ticket WHERE done_at >= #{end} AND created_at < #{end} AND"
            + SUBTREE + "GROUP BY org_id"
            + " UNION ALL SELECT org_id, 'ENDED_AFTER', COUNT(*) FROM help_ticket WHERE closed_at >= #{end} AND created_at < #{end} AND"
            + SUBTREE + "GROUP BY org_id")
    List<OrgCount> openAt(@Param("path") String path, @Param("end") LocalDateTime end);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, created_at, accepted_at FROM help_ticket WHERE accepted_at >= #{from} AND accepted_at < #{to} AND" + SUBTREE)
    List<Span> firstResponses(@Param("path") String path, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, created_at, done_at FROM help_ticket WHERE done_at >= #{from} AND done_at < #{to} AND" + SUBTREE)
    List<Span> completions(@Param("path") String path, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, COUNT(rating), SUM(rating) FROM help_ticket WHERE confirmed_at >= #{from} AND confirmed_at < #{to}"
            + " AND rating IS NOT NULL AND" + SUBTREE + "GROUP BY org_id")
    List<RatingSum> ratings(@Param("path") String path, @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT org_id, status, COUNT(*) FROM help_ticket WHERE" + SUBTREE + "GROUP BY org_id, status")
    List<OrgCount> byStatus(@Param("path") String path);

    // ---- drill-down: the requests behind a figure, newest first ----

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT id FROM help_ticket WHERE created_at &gt;= #{from} AND created_at &lt; #{to} AND" + SUBTREE
            + "<if test='category != null'>AND category = #{category} </if><if test='channel != null'>AND channel = #{channel} </if>"
            + "ORDER BY id DESC</script>")
    IPage<Long> newIds(IPage<Long> page, @Param("path") String path, @Param("from") LocalDateTime from,
                       @Param("to") LocalDateTime to, @Param("category") String category, @Param("channel") String channel);

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT DISTINCT ticket_id FROM help_ticket_event WHERE created_at &gt;= #{from} AND created_at &lt; #{to}"
            + " AND action IN <foreach collection='actions' item='a' open='(' separator=',' close=')'>#{a}</foreach> AND"
            + SUBTREE + "ORDER BY ticket_id DESC</script>")
    IPage<Long> moveIds(IPage<Long> page, @Param("path") String path, @Param("from") LocalDateTime from,
                        @Param("to") LocalDateTime to, @Param("actions") List<String> actions);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT DISTINCT ticket_id FROM ticket_overdue WHERE detected_at >= #{from} AND detected_at < #{to} AND"
            + SUBTREE + "ORDER BY ticket_id DESC")
    IPage<Long> overdueIds(IPage<Long> page, @Param("path") String path, @Param("from") LocalDateTime from,
                           @Param("to") LocalDateTime to);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT id FROM help_ticket WHERE status IN" + OPEN + "AND" + SUBTREE + "ORDER BY id DESC")
    IPage<Long> openNowIds(IPage<Long> page, @Param("path") String path);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT id FROM help_ticket WHERE created_at < #{end} AND (status IN" + OPEN
            + "OR done_at >= #{end} OR closed_at >= #{end}) AND" + SUBTREE + "ORDER BY id DESC")
    IPage<Long> openAtIds(IPage<Long> page, @Param("path") String path, @Param("end") LocalDateTime end);
}
