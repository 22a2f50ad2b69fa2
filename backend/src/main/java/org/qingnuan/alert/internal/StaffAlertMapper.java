package org.qingnuan.alert.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.alert.StaffAlert;

import java.time.LocalDateTime;
import java.util.Collection;

@Mapper
public interface StaffAlertMapper extends BaseMapper<StaffAlert> {

    /** Closes a request's open alerts of these kinds, in whichever org they were raised. */
    @InterceptorIgnore(dataPermission = "true")
    @Update("<script>UPDATE staff_alert SET closed_at = #{now}, close_reason = #{reason}, updated_at = #{now} "
            + "WHERE ticket_id = #{ticketId} AND closed_at IS NULL AND kind IN "
            + "<foreach collection='kinds' item='k' open='(' separator=',' close=')'>#{k}</foreach></script>")
    int closeOpen(@Param("ticketId") long ticketId, @Param("kinds") Collection<StaffAlert.Kind> kinds,
                  @Param("reason") String reason, @Param("now") LocalDateTime now);
}
