package org.qingnuan.ticket.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.ticket.HelpTicket;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface HelpTicketMapper extends BaseMapper<HelpTicket> {

    String UNFINISHED = "('SUBMITTED', 'ACCEPTED', 'OPEN', 'DISPATCHED', 'CLAIMED', 'IN_PROGRESS')";

    /**
     * Locks a request whatever the caller's jurisdiction: a unit asking to take over a request of another unit
     * may not see it, yet its request must be checked against the request's current state.
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM help_ticket WHERE id = #{id} FOR UPDATE")
    HelpTicket lockUnscoped(@Param("id") long id);

    /** A request by id whatever the caller's jurisdiction (for a caller who already read it within theirs). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM help_ticket WHERE id = #{id}")
    HelpTicket byIdUnscoped(@Param("id") long id);

    /**
     * How many requests a volunteer holds (claimed or started). Static SQL: it runs twice in every claim, and a query
     * wrapper's dynamic SQL cost more CPU than the statement (issue 19).
     */
    @Select("SELECT COUNT(*) FROM help_ticket WHERE claimed_by = #{volunteerId} AND status IN ('CLAIMED', 'IN_PROGRESS')")
    long activeOf(@Param("volunteerId") long volunteerId);

    /** Unfinished requests whose dispatch deadline has passed (the overdue scan, for every org). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM help_ticket WHERE deadline_at < #{now} AND status IN " + UNFINISHED
            + " ORDER BY deadline_at LIMIT #{limit}")
    List<HelpTicket> pastDeadline(@Param("now") LocalDateTime now, @Param("limit") int limit);

    /** Requests in a state since before the given time (the overdue scan, for every org). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM help_ticket WHERE status = #{status} AND status_since < #{before} ORDER BY status_since LIMIT #{limit}")
    List<HelpTicket> heldSince(@Param("status") String status, @Param("before") LocalDateTime before, @Param("limit") int limit);

    /** The overdue mark is a flag for the board, not a state: it leaves status and version alone. */
    @InterceptorIgnore(dataPermission = "true")
    @Update("UPDATE help_ticket SET overdue = 1 WHERE id = #{id}")
    int markOverdue(@Param("id") long id);
}
