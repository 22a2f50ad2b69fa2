package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** A hospital whose staff go to the front line, and the league org responsible for them (seed 000). */
@TableName("hospital")
@OrgScoped
public class Hospital extends Timestamped {

    private Long orgId;
    private String name;
    private String city;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String district;
    private HospitalLevel level;
    private Boolean designated;
    @Version
    private Integer version;

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public HospitalLevel getLevel() { return level; }
    public void setLevel(HospitalLevel level) { this.level = level; }
    public Boolean getDesignated() { return designated; }
    public void setDesignated(Boolean designated) { this.designated = designated; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
