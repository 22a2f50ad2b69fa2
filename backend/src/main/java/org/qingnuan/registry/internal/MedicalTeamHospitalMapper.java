package org.qingnuan.registry.internal;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

/** Which hospitals a team came from. Reached only through a team the caller can see. */
@Mapper
public interface MedicalTeamHospitalMapper {

    @Select("SELECT hospital_id FROM medical_team_hospital WHERE team_id = #{teamId} ORDER BY hospital_id")
    List<Long> hospitalIds(@Param("teamId") long teamId);

    @Delete("DELETE FROM medical_team_hospital WHERE team_id = #{teamId}")
    int clear(@Param("teamId") long teamId);

    @Insert("INSERT INTO medical_team_hospital (team_id, hospital_id) VALUES (#{teamId}, #{hospitalId})")
    int add(@Param("teamId") long teamId, @Param("hospitalId") long hospitalId);
}
