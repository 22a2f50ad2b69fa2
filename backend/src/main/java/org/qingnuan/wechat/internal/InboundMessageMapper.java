package org.qingnuan.wechat.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.wechat.InboundMessage;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface InboundMessageMapper extends BaseMapper<InboundMessage> {

    /** Takes a message for processing; only one caller (thread or instance) gets 1. */
    @Update("UPDATE wx_inbound_message SET status = 'PROCESSING', attempts = attempts + 1"
            + " WHERE id = #{id} AND status IN ('RECEIVED', 'FAILED') AND attempts < #{maxAttempts}")
    int claim(@Param("id") long id, @Param("maxAttempts") int maxAttempts);

    @Select("SELECT id FROM wx_inbound_message WHERE status IN ('RECEIVED', 'FAILED') AND attempts < #{maxAttempts}"
            + " AND received_at < #{before} ORDER BY id LIMIT 100")
    List<Long> due(@Param("before") LocalDateTime before, @Param("maxAttempts") int maxAttempts);

    @Update("UPDATE wx_inbound_message SET status = #{status}, processed_at = #{at} WHERE id = #{id}")
    int finish(@Param("id") long id, @Param("status") String status, @Param("at") LocalDateTime at);
}
