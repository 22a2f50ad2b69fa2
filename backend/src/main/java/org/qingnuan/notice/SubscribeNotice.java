package org.qingnuan.notice;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/** A subscribe message owed to a user about a request; an outbox row, sent after commit and retried. */
@TableName("subscribe_notice")
public class SubscribeNotice extends Timestamped {

    public enum Status { PENDING, SENDING, SENT, NO_CONSENT, REFUSED, FAILED }

    private Long userId;
    private Long ticketId;
    private String templateId;
    private String page;
    private String dataJson;
    private Status status;
    private Integer attempts;
    private LocalDateTime nextAttemptAt;
    private Integer lastErrcode;

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public String getTemplateId() { return templateId; }
    public void setTemplateId(String templateId) { this.templateId = templateId; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
    public String getDataJson() { return dataJson; }
    public void setDataJson(String dataJson) { this.dataJson = dataJson; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public LocalDateTime getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(LocalDateTime nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Integer getLastErrcode() { return lastErrcode; }
    public void setLastErrcode(Integer lastErrcode) { this.lastErrcode = lastErrcode; }
}
