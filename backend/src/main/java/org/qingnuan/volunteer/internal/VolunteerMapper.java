package org.qingnuan.volunteer.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.volunteer.Volunteer;

@Mapper
public interface VolunteerMapper extends BaseMapper<Volunteer> {

    /** Locks the volunteer's row until the claim's transaction ends: their claims run one at a time. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT id FROM volunteer WHERE id = #{id} FOR UPDATE")
    Long lockForClaim(@Param("id") long id);

    /**
     * The volunteer of a mini-program user. Static SQL rather than a query wrapper: it runs on every volunteer
     * request, and building a wrapper's dynamic SQL cost as much CPU as the claim's own transaction (issue 19).
     */
    @Select("SELECT * FROM volunteer WHERE user_id = #{userId}")
    Volunteer byUserId(@Param("userId") long userId);
}
