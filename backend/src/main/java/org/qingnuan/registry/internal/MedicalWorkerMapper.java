package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.registry.MedicalWorker;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

@Mapper
public interface MedicalWorkerMapper extends BaseMapper<MedicalWorker> {

    /** Identity is hospital + name + own phone across the installation, whoever registered them. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT COUNT(*) FROM medical_worker WHERE hospital_id = #{hospitalId} AND name = #{name}"
            + " AND own_phone_index = #{phoneIndex} AND id <> #{exceptId}")
    long countByIdentityUnscoped(@Param("hospitalId") long hospitalId, @Param("name") String name,
                                 @Param("phoneIndex") String phoneIndex, @Param("exceptId") long exceptId);

    /** Existing workers with any of these own-phone indexes, whoever registered them (imports). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT * FROM medical_worker WHERE own_phone_index IN "
            + "<foreach collection='indexes' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<MedicalWorker> selectByOwnPhoneIndexesUnscoped(@Param("indexes") Collection<String> indexes);

    /** Gives every worker of the org without a family an empty one at the worker's home address. */
    @InterceptorIgnore(dataPermission = "true")
    @Insert("INSERT INTO family (org_id, worker_id, address_sealed, version, created_at, updated_at)"
            + " SELECT w.org_id, w.id, w.home_address_sealed, 0, #{now}, #{now} FROM medical_worker w"
            + " WHERE w.org_id = #{orgId} AND NOT EXISTS (SELECT 1 FROM family f WHERE f.worker_id = w.id)")
    int createMissingFamilies(@Param("orgId") long orgId, @Param("now") LocalDateTime now);

    @InterceptorIgnore(dataPermission = "true")
    @org.apache.ibatis.annotations.Update("UPDATE family SET latitude = #{lat}, longitude = #{lng} WHERE worker_id = #{workerId}")
    int placeFamily(@Param("workerId") long workerId, @Param("lat") java.math.BigDecimal lat, @Param("lng") java.math.BigDecimal lng);

    /** Head counts per org and batch for the district statistics (annex 1); jurisdiction applies. */
    @Select("SELECT org_id AS orgId, batch, COUNT(*) AS total, SUM(aided_hubei) AS aidedHubei"
            + " FROM medical_worker GROUP BY org_id, batch")
    List<HeadCount> countByOrgAndBatch();

    record HeadCount(Long orgId, Integer batch, Long total, Long aidedHubei) {
    }
}
