package org.qingnuan.wechat;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/** A message or event the official account received; its dedupe key is unique. */
@TableName("wx_inbound_message")
public class InboundMessage {

    public enum Status { RECEIVED, PROCESSING, PROCESSED, FAILED }

    @TableId(type = IdType.AUTO)
    private Long id;
    private String dedupeKey;
    private String openId;
    private String msgType;
    private String event;
    private String payloadSealed;
    private Status status;
    private Integer attempts;
    private LocalDateTime receivedAt;
    private LocalDateTime processedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getDedupeKey() { return dedupeKey; }
    public void setDedupeKey(String dedupeKey) { this.dedupeKey = dedupeKey; }
    public String getOpenId() { return openId; }
    public void setOpenId(String openId) { this.openId = openId; }
    public String getMsgType() { return msgType; }
    public void setMsgType(String msgType) { this.msgType = msgType; }
    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public String getPayloadSealed() { return payloadSealed; }
    public void setPayloadSealed(String payloadSealed) { this.payloadSealed = payloadSealed; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Integer getAttempts() { return attempts; }
    public void setAttempts(Integer attempts) { this.attempts = attempts; }
    public LocalDateTime getReceivedAt() { return receivedAt; }
    public void setReceivedAt(LocalDateTime receivedAt) { this.receivedAt = receivedAt; }
    public LocalDateTime getProcessedAt() { return processedAt; }
    public void setProcessedAt(LocalDateTime processedAt) { this.processedAt = processedAt; }
}
