package org.qingnuan.identity.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.identity.UserRole;

import java.util.List;

@Mapper
public interface UserRoleMapper extends BaseMapper<UserRole> {

    /**
     * Users bound to the family (FAMILY) or to its worker (MEDICAL_WORKER), whoever asks: every move of a request
     * asks it in its transaction, also a partner unit's staff member's, whose jurisdiction does not hold the family's
     * bindings. One static statement instead of two wrapper queries (issue 19).
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT DISTINCT user_id FROM wx_user_role WHERE (role = 'FAMILY' AND subject_id = #{familyId})"
            + " OR (role = 'MEDICAL_WORKER' AND subject_id = #{workerId,jdbcType=BIGINT}) ORDER BY user_id")
    List<Long> following(@Param("familyId") long familyId, @Param("workerId") Long workerId);
}
