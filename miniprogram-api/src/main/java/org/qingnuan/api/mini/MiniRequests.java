package org.qingnuan.api.mini;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of sign-in and roles. */
public final class MiniRequests {

    private MiniRequests() {
    }

    public record Login(
            @Schema(description = "wx.login 返回的 code（5 分钟内有效，只能用一次）；只含字母、数字、- 和 _，否则 WX_CODE_INVALID", pattern = "^[A-Za-z0-9_-]{1,128}$")
            @NotBlank(message = "缺少登录凭证 code") @Size(max = 128, message = "登录凭证过长") String code) {
    }

    public record PhoneCode(
            @Schema(description = "手机号快速验证组件（open-type=getPhoneNumber）返回的 code")
            @NotBlank(message = "缺少手机号凭证 code") @Size(max = 128, message = "手机号凭证过长") String code) {
    }

    public record InviteCode(
            @Schema(description = "邀请码：家属邀请码或医疗队邀请码，6–12 位字母数字", example = "K7M2Q9")
            @NotBlank(message = "请输入邀请码")
            @Pattern(regexp = "^[A-Za-z0-9]{4,16}$", message = "邀请码由字母和数字组成，请核对后重新输入") String code) {
    }

    public record Consents(
            @Schema(description = "用户点了“允许”的订阅消息模板 ID")
            @NotEmpty(message = "请至少提交一个模板")
            @Size(max = 3, message = "一次最多 3 个模板")
            List<@NotBlank @Size(max = 64) String> acceptedTemplateIds) {
    }
}
