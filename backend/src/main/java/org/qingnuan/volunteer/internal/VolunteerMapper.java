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
}
