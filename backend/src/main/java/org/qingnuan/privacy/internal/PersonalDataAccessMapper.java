package org.qingnuan.privacy.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Mapper;
import org.qingnuan.privacy.PersonalDataAccess;

@Mapper
public interface PersonalDataAccessMapper extends BaseMapper<PersonalDataAccess> {

    /**
     * Appends a row of the log. Static SQL rather than the entity insert, whose per-column tests are built again for
     * every row: a volunteer's every look at their task writes one, a winning claim included (issue 19).
     */
    @Insert("INSERT INTO personal_data_access (org_id, staff_id, staff_name, accessor_type, subject_type, subject_id, fields,"
            + " reason, client_ip, trace_id, created_at) VALUES (#{orgId,jdbcType=BIGINT}, #{staffId,jdbcType=BIGINT},"
            + " #{staffName,jdbcType=VARCHAR}, #{accessorType,jdbcType=VARCHAR}, #{subjectType}, #{subjectId}, #{fields},"
            + " #{reason,jdbcType=VARCHAR}, #{clientIp,jdbcType=VARCHAR}, #{traceId,jdbcType=VARCHAR}, #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int append(PersonalDataAccess row);
}
