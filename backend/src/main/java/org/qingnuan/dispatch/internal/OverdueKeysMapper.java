package org.qingnuan.dispatch.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.Collection;
import java.util.List;

/** What the overdue scan already recorded, so that a request late for days is not tried again every minute. */
@Mapper
public interface OverdueKeysMapper {

    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT CONCAT(ticket_id, ' ', miss_key) FROM ticket_overdue WHERE ticket_id IN "
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<String> recorded(@Param("ids") Collection<Long> ids);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT COUNT(*) FROM ticket_overdue WHERE ticket_id = #{ticketId}")
    int misses(@Param("ticketId") long ticketId);
}
