package org.qingnuan.prompt.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.prompt.TeamBinding;
import org.qingnuan.prompt.TeamBindings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

@Tag(name = "医疗队公众号绑定")
@RestController
@RequestMapping("/api/admin/medical-teams/{teamId}")
class TeamBindingAdminController {

    private final TeamBindings bindings;

    TeamBindingAdminController(TeamBindings bindings) {
        this.bindings = bindings;
    }

    @Operation(summary = "生成新的邀请码（旧码作废）；领队、联络员扫描场景值为 qrScene 的带参二维码，或向公众号发送“绑定 邀请码”完成绑定")
    @PostMapping("/invite-code")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    TeamBindings.InviteCode issue(@PathVariable long teamId) {
        return bindings.issueInviteCode(teamId);
    }

    /**
     * @param follower    the follower's openid, shortened: staff need to tell bindings apart, not to copy the id
     * @param contactName the registered lead's or liaison's name, once the follower said who they are ("我是 张三");
     *                    null until then
     * @param contactRole LEAD or LIAISON, with its label
     */
    record BindingView(long id, String follower, String contactName, String contactRole, String contactRoleLabel,
                       TeamBinding.Source source, LocalDateTime boundAt) {
    }

    @Operation(summary = "解除一位公众号关注者与本医疗队的绑定：不再收到每日需求提示")
    @org.springframework.web.bind.annotation.DeleteMapping("/bindings/{bindingId}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    void unbind(@PathVariable long teamId, @PathVariable long bindingId) {
        bindings.unbind(teamId, bindingId);
    }

    @Operation(summary = "已绑定本医疗队的公众号关注者：姓名与身份（领队、联络员；关注者回复“我是 姓名”后可见）")
    @GetMapping("/bindings")
    List<BindingView> list(@PathVariable long teamId) {
        Map<String, TeamBindings.Receiver> receivers = bindings.receivers(teamId);
        return bindings.of(teamId).stream().map(b -> {
            TeamBindings.Receiver r = receivers.get(b.getOpenId());
            return new BindingView(b.getId(), TeamBindings.shortened(b.getOpenId()), r == null ? null : r.name(),
                    r == null ? null : r.role(), r == null ? null : r.roleLabel(), b.getSource(), b.getCreatedAt());
        }).toList();
    }
}
