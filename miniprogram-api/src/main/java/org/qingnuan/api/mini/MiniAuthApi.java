package org.qingnuan.api.mini;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.error.Failures;
import org.qingnuan.api.error.Throttled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/** Sign-in and roles of a mini-program user. Every other {@code /api/mini} call needs {@code Authorization: Bearer <token>}. */
@Tag(name = "小程序：登录与身份")
@RequestMapping("/api/mini")
public interface MiniAuthApi {

    @Operation(operationId = "login", summary = "用 wx.login 的 code 登录，换取本系统的 token（会话密钥只留在服务器）",
            description = "失败：WX_CODE_INVALID（code 无效或已用过，请重新调用 wx.login）、WECHAT_BUSY（稍后重试）、"
                    + "SIGN_IN_UNAVAILABLE（本系统的会话存储暂不可用，稍后重试；已有的 token 继续有效）。")
    @PostMapping("/auth/login")
    @Failures({"WX_CODE_INVALID", "WECHAT_BUSY", "SIGN_IN_UNAVAILABLE"})
    MiniUserView.Login login(@Valid @RequestBody MiniRequests.Login request);

    @Operation(operationId = "logout", summary = "退出登录（token 立即失效）")
    @PostMapping("/auth/logout")
    void logout();

    @Operation(operationId = "getMe", summary = "当前用户：手机号（脱敏）和已绑定的角色")
    @GetMapping("/me")
    MiniUserView me();

    @Operation(operationId = "bindPhone", summary = "用手机号快速验证组件（getPhoneNumber）的 code 绑定手机号，并按登记信息自动绑定家属/医护人员角色")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/me/phone")
    @Failures({"PHONE_CODE_INVALID", "WECHAT_BUSY", "NO_REGISTRATION_FOR_PHONE", "WRITES_THROTTLED"})
    MiniUserView bindPhone(@Valid @RequestBody MiniRequests.PhoneCode request);

    @Operation(operationId = "redeemInvite", summary = "用邀请码绑定角色：工作人员发给家属的邀请码，或医疗队的邀请码（领队、联络员）")
    @Throttled(Throttled.Bucket.INVITES)
    @PostMapping("/me/invites")
    @Failures({"INVITE_CODE_NOT_FOUND", "INVITE_CODE_EXPIRED", "INVITE_CODE_USED_UP", "INVITE_CODE_REVOKED",
            "WRITES_THROTTLED"})
    MiniUserView redeemInvite(@Valid @RequestBody MiniRequests.InviteCode request);
}
