package org.qingnuan.ledger;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.jurisdiction.OrgScoped;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** An org's ledger of a past day as the nightly job counted it; written once, never changed. */
@TableName("ledger_snapshot")
@OrgScoped
public class LedgerSnapshot {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long orgId;
    private LocalDate ledgerDate;
    /** {@link Ledger.Figures} as JSON. */
    private String figures;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public LocalDate getLedgerDate() { return ledgerDate; }
    public void setLedgerDate(LocalDate ledgerDate) { this.ledgerDate = ledgerDate; }
    public String getFigures() { return figures; }
    public void setFigures(String figures) { this.figures = figures; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
