package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.registry.MedicalTeam;

import java.util.List;

@Mapper
public interface MedicalTeamMapper extends BaseMapper<MedicalTeam> {

    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT COUNT(*) FROM medical_team WHERE name = #{name} AND id <> #{exceptId}")
    long countByNameUnscoped(@Param("name") String name, @Param("exceptId") long exceptId);

    /** Every row, whatever the caller's jurisdiction: workers anywhere may name any medical team. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT * FROM medical_team")
    List<MedicalTeam> selectAllUnscoped();
}
