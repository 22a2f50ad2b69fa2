package org.qingnuan.prompt.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.prompt.PromptDelivery;

import java.time.LocalDateTime;
import java.util.List;

@Mapper
public interface PromptDeliveryMapper extends BaseMapper<PromptDelivery> {

    String DUE = "attempts < #{maxAttempts} AND ((status IN ('PENDING', 'FAILED') AND next_attempt_at <= #{now})"
            + " OR (status = 'SENDING' AND updated_at < #{staleBefore}))";

    /** Deliveries to attempt now; SENDING ones older than {@code staleBefore} were cut off by a restart. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT id FROM prompt_delivery WHERE " + DUE + " ORDER BY id LIMIT 500")
    List<Long> due(@Param("now") LocalDateTime now, @Param("staleBefore") LocalDateTime staleBefore,
                   @Param("maxAttempts") int maxAttempts);

    /** Takes one delivery for sending; only one caller, on any instance, gets 1. */
    @InterceptorIgnore(dataPermission = "true")
    @Update("UPDATE prompt_delivery SET status = 'SENDING', attempts = attempts + 1, updated_at = #{now}"
            + " WHERE id = #{id} AND " + DUE)
    int claim(@Param("id") long id, @Param("now") LocalDateTime now, @Param("staleBefore") LocalDateTime staleBefore,
              @Param("maxAttempts") int maxAttempts);

    @InterceptorIgnore(dataPermission = "true")
    /** Ends our attempt, unless another instance took the delivery over meanwhile (its attempt number moved on). */
    @Update("UPDATE prompt_delivery SET status = #{status}, next_attempt_at = #{next}, last_error = #{error},"
            + " sent_at = #{sentAt}, updated_at = #{now} WHERE id = #{id} AND status = 'SENDING' AND attempts = #{attempt}")
    int finish(@Param("id") long id, @Param("attempt") int attempt, @Param("status") String status, @Param("next") LocalDateTime next,
               @Param("error") String error, @Param("sentAt") LocalDateTime sentAt, @Param("now") LocalDateTime now);

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM prompt_delivery WHERE id = #{id}")
    PromptDelivery byIdUnscoped(@Param("id") long id);
}
