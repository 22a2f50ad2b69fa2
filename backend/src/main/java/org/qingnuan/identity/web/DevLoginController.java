package org.qingnuan.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.qingnuan.api.mini.MiniUserView;
import org.qingnuan.identity.DemoSignIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The embedded default has no real AppID: pick a demo user instead of wx.login. Never in prod (DevLoginGuard). */
@Tag(name = "小程序：演示登录（仅内置演示环境）")
@RestController
@RequestMapping("/api/mini/auth")
@Profile("!prod")
@ConditionalOnProperty("qingnuan.miniprogram.dev-login")
class DevLoginController {

    private final DemoSignIn demo;

    DevLoginController(DemoSignIn demo) {
        this.demo = demo;
    }

    record DevLoginRequest(@NotNull(message = "请选择角色") MiniUserView.RoleKind role,
                           @NotNull(message = "请选择演示用户") Long subjectId) {
    }

    @Operation(summary = "可选的演示用户：家属、医护人员、医疗队联络人")
    @GetMapping("/dev-users")
    List<DemoSignIn.DemoUser> users() {
        return demo.users();
    }

    @Operation(summary = "以演示用户身份登录（无需微信）")
    @PostMapping("/dev-login")
    MiniUserView.Login login(@Valid @RequestBody DevLoginRequest request) {
        return demo.signIn(request.role(), request.subjectId());
    }
}
