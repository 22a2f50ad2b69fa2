package org.qingnuan.ticket.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.ticket.HelpTicket;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface HelpTicketMapper extends BaseMapper<HelpTicket> {

    String UNFINISHED = "('SUBMITTED', 'ACCEPTED', 'OPEN', 'DISPATCHED', 'CLAIMED', 'IN_PROGRESS')";
    /** What every move into a new state writes (as {@code TicketLifecycle}'s generic move does). */
    String NEW_STATE = "UPDATE help_ticket SET status = #{to}, version = version + 1, updated_at = #{now},"
            + " status_since = #{now}, overdue = 0";
    /** A move's condition: the request is still as it was read (exactly one of two racing moves matches). */
    String STILL_AS_READ = " WHERE id = #{id} AND status = #{from} AND version = #{version}";

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
     * A new request as {@code NewTickets} builds it: the columns a submission sets, the others keep their defaults
     * (none set, as the entity insert would leave them). Static SQL: the entity insert tests each of its forty
     * columns on every submission (issue 19).
     */
    @Insert("INSERT INTO help_ticket (org_id, family_id, channel, submitter_type, submitter_user_id, submitter_staff_id,"
            + " category, urgency, status, crisis, content_check, description_sealed, address_sealed, district, latitude,"
            + " longitude, window_start, window_end, contact_method, contact_phone_sealed, photo_keys, status_since, version,"
            + " created_at, updated_at) VALUES (#{orgId}, #{familyId}, #{channel}, #{submitterType}, #{submitterUserId},"
            + " #{submitterStaffId}, #{category}, #{urgency}, #{status}, #{crisis}, #{contentCheck}, #{descriptionSealed},"
            + " #{addressSealed}, #{district}, #{latitude}, #{longitude}, #{windowStart}, #{windowEnd}, #{contactMethod},"
            + " #{contactPhoneSealed}, #{photoKeys}, #{statusSince}, #{version}, #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int submit(HelpTicket ticket);

    /**
     * The claim's conditional move (the lifecycle checked the step is allowed): one winner, whoever else tries with
     * the same state and version changes nothing. Static SQL, as it runs in every winning claim (issue 19).
     */
    @Update(NEW_STATE + ", claimed_by = #{volunteerId}, claimed_at = #{now}" + STILL_AS_READ)
    int claim(@Param("id") long id, @Param("from") org.qingnuan.api.ticket.TicketStatus from,
              @Param("version") int version, @Param("to") org.qingnuan.api.ticket.TicketStatus to,
              @Param("volunteerId") long volunteerId, @Param("now") LocalDateTime now);

    /**
     * Acceptance's conditional move; {@code clearReview}: a staff member read a text WeChat found risky (or had not
     * judged yet). Static SQL, as every family's request goes through it (issue 19).
     */
    @Update(NEW_STATE + ", accepted_at = #{now}, content_check = CASE WHEN #{clearReview} THEN 'CLEARED' ELSE content_check END"
            + STILL_AS_READ)
    int accept(@Param("id") long id, @Param("from") org.qingnuan.api.ticket.TicketStatus from,
               @Param("version") int version, @Param("to") org.qingnuan.api.ticket.TicketStatus to,
               @Param("clearReview") boolean clearReview, @Param("now") LocalDateTime now);

    /** WeChat's verdict on a request's text, unless one (or a staff member's reading) is there already. */
    @Update("UPDATE help_ticket SET content_check = #{verdict} WHERE id = #{id} AND content_check = 'PENDING'")
    int recordTextVerdict(@Param("id") long id, @Param("verdict") HelpTicket.ContentCheck verdict);

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
