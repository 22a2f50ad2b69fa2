package org.qingnuan.wechat.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.qingnuan.wechat.WechatStandIn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * api.weixin.qq.com as the embedded default's WxJava clients see it ({@code qingnuan.wechat.*.api-host}).
 * No bearer token: like WeChat, it authorises by AppID, secret and access token. Never in prod.
 */
@Hidden
@RestController
@RequestMapping("/embedded/wechat")
@Profile("!prod")
@ConditionalOnProperty("qingnuan.embedded.stand-ins")
class WechatStandInController {

    private static final String PREFIX = "/embedded/wechat";

    private final WechatStandIn wechat;

    WechatStandInController(WechatStandIn wechat) {
        this.wechat = wechat;
    }

    @RequestMapping(value = "/**", method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    String answer(HttpServletRequest request, @RequestParam Map<String, String> query,
                  @RequestBody(required = false) String body) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
        return wechat.answer(path, query, body);
    }
}
