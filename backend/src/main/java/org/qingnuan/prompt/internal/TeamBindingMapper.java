package org.qingnuan.prompt.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.prompt.TeamBinding;
import org.qingnuan.registry.MedicalTeam;

@Mapper
public interface TeamBindingMapper extends BaseMapper<TeamBinding> {

    /** The team an invite code belongs to; a follower has no jurisdiction, the code is the key. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM medical_team WHERE invite_code = #{code}")
    MedicalTeam teamByInviteCode(@Param("code") String code);
}
