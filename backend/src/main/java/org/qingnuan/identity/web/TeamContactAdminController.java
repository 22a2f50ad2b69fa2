package org.qingnuan.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.identity.FamilyInvites;
import org.qingnuan.identity.TeamContactUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "医疗队绑定小程序")
@RestController
@RequestMapping("/api/admin/medical-teams/{teamId}/wechat-users")
class TeamContactAdminController {

    private final TeamContactUsers contacts;

    TeamContactAdminController(TeamContactUsers contacts) {
        this.contacts = contacts;
    }

    @Operation(summary = "凭医疗队邀请码绑定小程序的联络人（手机号已脱敏）")
    @GetMapping
    List<FamilyInvites.BoundUser> list(@PathVariable long teamId) {
        return contacts.of(teamId);
    }

    @Operation(summary = "解除一位小程序联络人与该医疗队的绑定，立即生效")
    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    void unbind(@PathVariable long teamId, @PathVariable long userId) {
        contacts.unbind(teamId, userId);
    }
}
