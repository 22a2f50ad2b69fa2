package org.qingnuan.staff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.qingnuan.staff.AuthProperties;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.staff.LoginService;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.staff.StaffWechat;
import org.qingnuan.staff.StaffRequests.ChangePasswordRequest;
import org.qingnuan.staff.StaffRequests.LoginRequest;
import org.qingnuan.staff.StaffService;
import org.qingnuan.staff.StaffView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "登录")
@RestController
@RequestMapping("/api/admin/auth")
class AuthController {

    private final LoginService logins;
    private final StaffService staff;
    private final AuthProperties properties;

    private final StaffWechat wechat;

    AuthController(LoginService logins, StaffService staff, AuthProperties properties, StaffWechat wechat) {
        this.wechat = wechat;
        this.logins = logins;
        this.staff = staff;
        this.properties = properties;
    }

    /**
     * @param token                 send as {@code Authorization: Bearer <token>}
     * @param idleTimeoutSeconds    the token dies when unused this long
     * @param absoluteTimeoutSeconds the token dies this long after sign-in
     */
    record LoginView(String token, long idleTimeoutSeconds, long absoluteTimeoutSeconds, StaffView staff) {
    }

    @Operation(summary = "工作人员登录，返回令牌；同一用户名从同一网络连续输错 5 次暂停 15 分钟（再犯加倍）")
    @PostMapping("/login")
    LoginView login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        LoginService.LoginResult result = logins.login(request, http.getRemoteAddr());
        return new LoginView(result.token(), properties.idleTimeout().toSeconds(),
                properties.absoluteTimeout().toSeconds(), staff.viewUnscoped(result.staff()));
    }

    @Operation(summary = "退出登录，令牌立即失效")
    @PostMapping("/logout")
    ResponseEntity<Void> logout() {
        logins.logout(CurrentStaff.require());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "当前登录的工作人员")
    @GetMapping("/me")
    StaffView me() {
        StaffPrincipal me = CurrentStaff.require();
        return staff.view(me.staffId());
    }

    @Operation(summary = "修改自己的密码；其他设备上的登录随之失效")
    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody ChangePasswordRequest request) {
        staff.changeOwnPassword(request);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "是否已绑定自己的微信（接收危机求助等提醒）")
    @GetMapping("/me/wechat-binding")
    StaffWechat.Binding wechatBinding() {
        return wechat.binding(CurrentStaff.require().staffId());
    }

    @Operation(summary = "获取绑定微信的 6 位验证码（10 分钟内有效），用要接收提醒的微信发送给公众号")
    @PostMapping("/me/wechat-binding")
    StaffWechat.BindingCode issueWechatCode() {
        return wechat.issueCode(CurrentStaff.require().staffId());
    }

    @Operation(summary = "解除绑定的微信，不再接收提醒")
    @org.springframework.web.bind.annotation.DeleteMapping("/me/wechat-binding")
    ResponseEntity<Void> unbindWechat() {
        wechat.unbind(CurrentStaff.require());
        return ResponseEntity.noContent().build();
    }
}
