package org.qingnuan.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.identity.FamilyInvites;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "家庭绑定小程序")
@RestController
@RequestMapping("/api/admin/families/{familyId}")
class FamilyBindingAdminController {

    private final FamilyInvites invites;

    FamilyBindingAdminController(FamilyInvites invites) {
        this.invites = invites;
    }

    @Operation(summary = "为家庭生成邀请码（14 天有效），家属在小程序“邀请码绑定”中输入即可绑定")
    @PostMapping("/invites")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    FamilyInvites.IssuedInvite issue(@PathVariable long familyId) {
        return invites.issue(familyId);
    }

    @Operation(summary = "已绑定该家庭的小程序用户（手机号已脱敏）")
    @GetMapping("/wechat-users")
    List<FamilyInvites.BoundUser> bound(@PathVariable long familyId) {
        return invites.boundUsers(familyId);
    }
}
