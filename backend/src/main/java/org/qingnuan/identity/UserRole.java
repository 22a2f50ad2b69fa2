package org.qingnuan.identity;

import com.baomidou.mybatisplus.annotation.TableName;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.jurisdiction.OrgScoped;
import org.qingnuan.shared.persistence.Timestamped;

/** A role a mini-program user holds for a subject: a family, a medical worker, a medical team. */
@TableName("wx_user_role")
@OrgScoped
public class UserRole extends Timestamped {

    /** How the role was bound. */
    public enum Source { PHONE, FAMILY_INVITE, TEAM_INVITE, DEV_LOGIN, PAIRING }

    private Long userId;
    private RoleKind role;
    private Long subjectId;
    private Long orgId;
    private Source source;

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public RoleKind getRole() { return role; }
    public void setRole(RoleKind role) { this.role = role; }
    public Long getSubjectId() { return subjectId; }
    public void setSubjectId(Long subjectId) { this.subjectId = subjectId; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
}
