package org.qingnuan.api.mini;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The signed-in mini-program user. */
public record MiniUserView(
        long userId,
        @Schema(description = "已验证的手机号，脱敏（138****1234）；未绑定时为空") String phone,
        @Schema(description = "已绑定的角色；一个微信用户可有多个") List<Role> roles) {

    public enum RoleKind implements org.qingnuan.api.Labelled {
        @Schema(description = "一线医护人员家属") FAMILY("家属"),
        @Schema(description = "一线医护人员本人") MEDICAL_WORKER("医护人员"),
        @Schema(description = "医疗队领队或联络员") TEAM_CONTACT("医疗队联络人"),
        @Schema(description = "志愿者（subjectId 为志愿者编号；须审核通过、培训合格、保险有效才能认领任务）") VOLUNTEER("志愿者"),
        @Schema(description = "手拉手结对帮扶人（subjectId 即结对家庭的 familyId，可为其求助）") PAIRED("结对帮扶人");

        private final String label;

        RoleKind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * @param subjectId the family, worker or team the role is about (submit requests with the family's id)
     * @param familyId  the family this role may ask help for (FAMILY and MEDICAL_WORKER), else null
     */
    public record Role(RoleKind kind, long subjectId, Long familyId,
                       @Schema(description = "给用户看的说明，如“张医生的家属”") String label) {
    }

    public record Login(
            @Schema(description = "之后每个请求放在 Authorization: Bearer 之后") String token,
            @Schema(description = "空闲多少秒后失效；失效时接口返回 SESSION_EXPIRED，重新 wx.login 即可") long idleTimeoutSeconds,
            MiniUserView user) {
    }

    /** Remaining one-time consents per template id. */
    public record Consents(Map<String, Integer> remaining) {
    }

    /** A subscribe-message template the mini-program may ask consent for. */
    public record Template(String templateId, @Schema(description = "用途，如“求助进度通知”") String purpose) {
    }
}
