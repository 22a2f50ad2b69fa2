package org.qingnuan.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.identity.FamilyInvites;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    @Operation(summary = "为家庭生成邀请码（14 天有效，默认只能绑定 1 人，可选 1–10 人），家属在小程序“邀请码绑定”中输入即可绑定")
    @PostMapping("/invites")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    FamilyInvites.IssuedInvite issue(@PathVariable long familyId,
                                     @Valid @RequestBody(required = false) FamilyInvites.IssueRequest request) {
        return invites.issue(familyId, request == null ? null : request.maxUses());
    }

    @Operation(summary = "家庭的邀请码（邀请码只显示前 4 位）：可绑定人数、已使用、状态")
    @GetMapping("/invites")
    List<FamilyInvites.InviteView> invites(@PathVariable long familyId) {
        return invites.invites(familyId);
    }

    @Operation(summary = "作废邀请码：立即失效；已绑定的用户不受影响")
    @PostMapping("/invites/{inviteId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    void revoke(@PathVariable long familyId, @PathVariable long inviteId) {
        invites.revoke(familyId, inviteId);
    }

    @Operation(summary = "解除一位小程序用户与该家庭的绑定（家属、医护人员本人身份），立即生效")
    @DeleteMapping("/wechat-users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    void unbind(@PathVariable long familyId, @PathVariable long userId) {
        invites.unbind(familyId, userId);
    }

    @Operation(summary = "已绑定该家庭的小程序用户（手机号已脱敏）")
    @GetMapping("/wechat-users")
    List<FamilyInvites.BoundUser> bound(@PathVariable long familyId) {
        return invites.boundUsers(familyId);
    }
}
