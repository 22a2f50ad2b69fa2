package org.qingnuan.wechat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.wechat.SentMessage;
import org.qingnuan.wechat.WechatStandIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What the embedded default would have sent through WeChat. Not scoped to a subtree: it is a demo aid for
 * administrators, and the messages go to demo users only.
 */
@Tag(name = "消息记录（仅内置演示环境）")
@RestController
@RequestMapping("/api/admin/stand-in")
@Profile("!prod")
@ConditionalOnProperty("qingnuan.embedded.stand-ins")
class SentMessagesAdminController {

    private final WechatStandIn wechat;

    SentMessagesAdminController(WechatStandIn wechat) {
        this.wechat = wechat;
    }

    @Operation(summary = "演示环境发出的订阅消息、模板消息和客服消息，最新的在前（最多 500 条）")
    @GetMapping("/messages")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    List<SentMessage> messages() {
        return wechat.sent();
    }
}
