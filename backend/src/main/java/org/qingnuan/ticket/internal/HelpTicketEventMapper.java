package org.qingnuan.ticket.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.ticket.HelpTicketEvent;

import java.util.List;

@Mapper
public interface HelpTicketEventMapper extends BaseMapper<HelpTicketEvent> {

    /**
     * The history of a request the caller has already read under their jurisdiction. Unfiltered on purpose:
     * the history rows carry the family's org, and the responsible unit's staff must read them as well.
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM help_ticket_event WHERE ticket_id = #{ticketId} ORDER BY id")
    List<HelpTicketEvent> historyOf(@Param("ticketId") long ticketId);

    /** A volunteer's claims and releases since a moment, per action (rows "action", "n"): the daily limits of a claim. */
    @Select("SELECT action, COUNT(*) AS n FROM help_ticket_event WHERE actor_type = 'VOLUNTEER' AND actor_id = #{volunteerId}"
            + " AND action IN ('CLAIM', 'RELEASE') AND created_at >= #{since} GROUP BY action")
    List<java.util.Map<String, Object>> volunteerClaimsAndReleasesSince(@Param("volunteerId") long volunteerId,
                                                                         @Param("since") java.time.LocalDateTime since);
}
