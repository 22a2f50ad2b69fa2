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

    /** Another worker with this ID number (blind index), whoever registered them. */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT COUNT(*) FROM medical_worker WHERE id_number_index = #{index} AND id <> #{exceptId}")
    long countByIdNumberUnscoped(@Param("index") String index, @Param("exceptId") long exceptId);

    /**
     * Another worker without an ID number with this hospital, name and own phone, whoever registered them:
     * the same person entered twice (namesakes at one hospital differ in their phones).
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT COUNT(*) FROM medical_worker WHERE hospital_id = #{hospitalId} AND name = #{name}"
            + " AND own_phone_index = #{phoneIndex} AND id_number_index IS NULL AND id <> #{exceptId}")
    long countSameEntryUnscoped(@Param("hospitalId") long hospitalId, @Param("name") String name,
                                @Param("phoneIndex") String phoneIndex, @Param("exceptId") long exceptId);

    /** Existing workers with any of these ID-number indexes, whoever registered them (imports). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT * FROM medical_worker WHERE id_number_index IN "
            + "<foreach collection='indexes' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<MedicalWorker> selectByIdNumberIndexesUnscoped(@Param("indexes") Collection<String> indexes);

    /** Existing workers with any of these names, whoever registered them (imports match hospital + name). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT * FROM medical_worker WHERE name IN "
            + "<foreach collection='names' item='n' open='(' separator=',' close=')'>#{n}</foreach></script>")
    List<MedicalWorker> selectByNamesUnscoped(@Param("names") Collection<String> names);

    /**
     * A worker and their family move together: the family takes the worker's org (the district's
     * dispatcher must see the family of a worker now registered with them). Correlated subqueries, not
     * MySQL's multi-table UPDATE, so that H2 (the embedded default) runs it too.
     */
    @InterceptorIgnore(dataPermission = "true")
    @org.apache.ibatis.annotations.Update("<script>UPDATE family SET org_id ="
            + " (SELECT w.org_id FROM medical_worker w WHERE w.id = family.worker_id) WHERE worker_id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    int moveFamiliesWithWorkers(@Param("ids") Collection<Long> ids);

    /** ... and the family's members take the family's org. */
    @InterceptorIgnore(dataPermission = "true")
    @org.apache.ibatis.annotations.Update("<script>UPDATE family_member SET org_id ="
            + " (SELECT f.org_id FROM family f WHERE f.id = family_member.family_id)"
            + " WHERE family_id IN (SELECT f.id FROM family f WHERE f.worker_id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach>)</script>")
    int moveMembersWithFamilies(@Param("ids") Collection<Long> ids);

    /** Whether the family already has requests, pairings, care plans or invites (then it is withdrawn, not deleted). */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT (SELECT COUNT(*) FROM help_ticket WHERE family_id = #{familyId})"
            + " + (SELECT COUNT(*) FROM pairing WHERE family_id = #{familyId})"
            + " + (SELECT COUNT(*) FROM care_plan WHERE family_id = #{familyId})"
            + " + (SELECT COUNT(*) FROM family_invite WHERE family_id = #{familyId})")
    long countFamilyHistoryUnscoped(@Param("familyId") long familyId);

    /**
     * The partners actually paired with these workers' families (手拉手, active pairings), for the
     * export's 结对志愿者 column. Read here because the volunteer feature depends on the registry.
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("<script>SELECT f.worker_id AS workerId, v.name AS partnerName FROM pairing p"
            + " JOIN family f ON f.id = p.family_id JOIN volunteer v ON v.id = p.volunteer_id"
            + " WHERE p.ended_at IS NULL AND f.worker_id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach>"
            + " ORDER BY p.id</script>")
    List<Partner> activePartnersUnscoped(@Param("ids") Collection<Long> ids);

    record Partner(Long workerId, String partnerName) {
    }

    /** Gives each of these workers without a family an empty one at the worker's home address. */
    @InterceptorIgnore(dataPermission = "true")
    @Insert("<script>INSERT INTO family (org_id, worker_id, address_sealed, version, created_at, updated_at)"
            + " SELECT w.org_id, w.id, w.home_address_sealed, 0, #{now}, #{now} FROM medical_worker w"
            + " WHERE w.id IN <foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach>"
            + " AND NOT EXISTS (SELECT 1 FROM family f WHERE f.worker_id = w.id)</script>")
    int createMissingFamilies(@Param("ids") Collection<Long> ids, @Param("now") LocalDateTime now);

    @InterceptorIgnore(dataPermission = "true")
    @org.apache.ibatis.annotations.Update("UPDATE family SET latitude = #{lat}, longitude = #{lng} WHERE worker_id = #{workerId}")
    int placeFamily(@Param("workerId") long workerId, @Param("lat") java.math.BigDecimal lat, @Param("lng") java.math.BigDecimal lng);

    /** A head count of annex 1 (see {@link MedicalWorkerSpanMapper#countOpenAt}). */
    record HeadCount(Long orgId, Integer batch, Long total, Long aidedHubei) {
    }
}
