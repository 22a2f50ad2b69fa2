package org.qingnuan.notice;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.shared.persistence.Timestamped;

/** One-time consents a user gave for a template: each "允许" in wx.requestSubscribeMessage is one credit. */
@TableName("subscribe_consent")
public class SubscribeConsent extends Timestamped {

    private Long userId;
    private String templateId;
    private Integer credits;

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getTemplateId() { return templateId; }
    public void setTemplateId(String templateId) { this.templateId = templateId; }
    public Integer getCredits() { return credits; }
    public void setCredits(Integer credits) { this.credits = credits; }
}
