package org.qingnuan.alert;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/** A crisis alert owed to one person on the official account: written with the crisis, sent after commit, retried. */
@TableName("crisis_alert_delivery")
public class CrisisAlertDelivery extends Timestamped {

    public enum Status { PENDING, SENDING, SENT, FAILED }

    private Long alertId;
    private Long ticketId;
    private String openId;
    private Status status;
    private Integer attempts;
    private LocalDateTime nextAttemptAt;
    private Integer lastErrcode;

    public Long getAlertId() { return alertId; }
    public void setAlertId(Long alertId) { this.alertId = alertId; }
    public Long getTicketId() { return ticketId; }
    public void setTicketId(Long ticketId) { this.ticketId = ticketId; }
    public String getOpenId() { return openId; }
    public void setOpenId(String openId) { this.openId = openId; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public LocalDateTime getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(LocalDateTime nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public Integer getLastErrcode() { return lastErrcode; }
    public void setLastErrcode(Integer lastErrcode) { this.lastErrcode = lastErrcode; }
}
