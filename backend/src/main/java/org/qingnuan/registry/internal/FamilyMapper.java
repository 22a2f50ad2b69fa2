package org.qingnuan.registry.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.qingnuan.registry.Family;

import java.math.BigDecimal;

@Mapper
public interface FamilyMapper extends BaseMapper<Family> {

    /** What a help request needs of a family and its worker, still sealed (filled by MyBatis through its fields). */
    final class ContactRow {
        private Long familyId;
        private Long orgId;
        private Long workerId;
        private String workerName;
        private String addressSealed;
        private String familyPhoneSealed;
        private String ownPhoneSealed;
        private BigDecimal latitude;
        private BigDecimal longitude;

        public Long familyId() { return familyId; }
        public Long orgId() { return orgId; }
        public Long workerId() { return workerId; }
        public String workerName() { return workerName; }
        public String addressSealed() { return addressSealed; }
        public String familyPhoneSealed() { return familyPhoneSealed; }
        public String ownPhoneSealed() { return ownPhoneSealed; }
        public BigDecimal latitude() { return latitude; }
        public BigDecimal longitude() { return longitude; }
    }

    /** The family and its worker in one statement (a submission asked twice before, issue 19). */
    @Select("SELECT f.id AS family_id, f.org_id, w.id AS worker_id, w.name AS worker_name, f.address_sealed,"
            + " w.family_phone_sealed, w.own_phone_sealed, f.latitude, f.longitude"
            + " FROM family f JOIN medical_worker w ON w.id = f.worker_id WHERE f.id = #{familyId}")
    ContactRow contactOf(@Param("familyId") long familyId);

    /**
     * The worker a family belongs to, whoever asks: who follows a family's requests does not depend on the
     * jurisdiction of the staff member whose click moved one (a partner unit's staff cannot see the family).
     */
    @InterceptorIgnore(dataPermission = "true")
    @Select("SELECT worker_id FROM family WHERE id = #{familyId}")
    Long workerIdOf(@Param("familyId") long familyId);
}
