package org.qingnuan.registry;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import java.math.BigDecimal;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** The family a medical worker left at home: where it is (sealed address, a point for matching) and who is in it. */
@TableName("family")
@OrgScoped
public class Family extends Timestamped {

    private Long orgId;
    private Long workerId;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String addressSealed;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private BigDecimal latitude;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private BigDecimal longitude;
    @Version
    private Integer version;

    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Long getWorkerId() { return workerId; }
    public void setWorkerId(Long workerId) { this.workerId = workerId; }
    public String getAddressSealed() { return addressSealed; }
    public void setAddressSealed(String addressSealed) { this.addressSealed = addressSealed; }
    public BigDecimal getLatitude() { return latitude; }
    public void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
