package org.qingnuan.identity;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.shared.persistence.Timestamped;

import java.time.LocalDateTime;

/** A user of our mini-program, known by their openid. Their verified phone is sealed. */
@TableName("wx_user")
public class WechatUser extends Timestamped {

    private String openId;
    private String unionId;
    private String phoneSealed;
    private String phoneIndex;
    private LocalDateTime lastLoginAt;

    public String getOpenId() { return openId; }
    public void setOpenId(String openId) { this.openId = openId; }
    public String getUnionId() { return unionId; }
    public void setUnionId(String unionId) { this.unionId = unionId; }
    public String getPhoneSealed() { return phoneSealed; }
    public void setPhoneSealed(String phoneSealed) { this.phoneSealed = phoneSealed; }
    public String getPhoneIndex() { return phoneIndex; }
    public void setPhoneIndex(String phoneIndex) { this.phoneIndex = phoneIndex; }
    public LocalDateTime getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(LocalDateTime lastLoginAt) { this.lastLoginAt = lastLoginAt; }
}
