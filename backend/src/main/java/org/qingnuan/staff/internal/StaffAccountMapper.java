package org.qingnuan.staff.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;
import org.qingnuan.staff.StaffAccount;

import java.time.LocalDateTime;

@Mapper
public interface StaffAccountMapper extends BaseMapper<StaffAccount> {

    /**
     * Counts a failed login in one statement, so parallel attempts cannot lose a count, and locks
     * the account when the count reaches the limit. Returns rows changed.
     */
    @Update("""
            UPDATE staff_account
               SET locked_until = CASE WHEN failed_login_count + 1 >= #{maxFailures} THEN #{lockUntil} ELSE locked_until END,
                   failed_login_count = failed_login_count + 1,
                   updated_at = #{now}
             WHERE id = #{id}
            """)
    int recordFailedLogin(@Param("id") long id, @Param("maxFailures") int maxFailures,
                          @Param("lockUntil") LocalDateTime lockUntil, @Param("now") LocalDateTime now);
}
