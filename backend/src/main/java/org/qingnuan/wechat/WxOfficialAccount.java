package org.qingnuan.wechat;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.result.WxMpQrCodeTicket;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedissonConfigImpl;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@link OfficialAccount} on WxJava. The access token lives in Redis (WxJava's Redisson-backed
 * config, stable_token endpoint), so several instances share one token instead of racing to
 * refresh it. Errors are logged by code only — never the message content or the follower.
 */
@Component
class WxOfficialAccount implements OfficialAccount {

    private static final Logger log = LoggerFactory.getLogger(WxOfficialAccount.class);

    private final OfficialAccountProperties properties;
    private final RedissonClient redisson;
    private final Environment environment;
    private final LazyClient<WxMpService> wx = new LazyClient<>(this::build);

    private final WechatErrors errors;

    WxOfficialAccount(OfficialAccountProperties properties, RedissonClient redisson, Environment environment,
                      WechatErrors errors) {
        this.errors = errors;
        this.properties = properties;
        this.redisson = redisson;
        this.environment = environment;
    }

    /** Built on first use: most starts (and the embedded default) never call WeChat. */
    private WxMpService wx() {
        return wx.get();
    }

    private WxMpService build() {
        WxMpRedissonConfigImpl config = new WxMpRedissonConfigImpl(redisson, "qn:wx:mp");
        config.setAppId(properties.appId());
        config.setSecret(properties.secret());
        config.setToken(properties.token());
        config.setAesKey(properties.aesKey());
        config.setUseStableAccessToken(true);
        if (properties.apiHost() != null && !properties.apiHost().isBlank()) {
            // resolved only now: the embedded default's stand-in is this application, on ${local.server.port}
            String host = environment.resolveRequiredPlaceholders(properties.apiHost());
            WxMpHostConfig hosts = new WxMpHostConfig();
            hosts.setApiHost(host);
            hosts.setMpHost(host);
            hosts.setOpenHost(host);
            config.setHostConfig(hosts);
        }
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        return service;
    }

    @Override
    public Optional<String> qrCodeUrl(String scene) {
        if (!properties.configured()) {
            return Optional.empty();
        }
        try {
            WxMpQrCodeTicket ticket = wx().getQrcodeService().qrCodeCreateLastTicket(scene);
            return Optional.of(wx().getQrcodeService().qrCodePictureUrl(ticket.getTicket()));
        } catch (WxErrorException e) {
            log.warn("WeChat refused a QR code: errcode {}", errors.count("mp", e.getError().getErrorCode()));
            return Optional.empty();
        }
    }

    @Override
    public void sendTemplate(String openId, String templateId, String miniProgramPage, java.util.Map<String, String> data) {
        if (!properties.configured()) {
            throw new OfficialAccountException(-1);
        }
        me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage message = me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage
                .builder().toUser(openId).templateId(templateId).build();
        if (miniProgramPage != null && properties.miniProgramAppId() != null && !properties.miniProgramAppId().isBlank()) {
            message.setMiniProgram(new me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage.MiniProgram(
                    properties.miniProgramAppId(), miniProgramPage, false));
        }
        data.forEach((key, value) -> message.addData(new me.chanjar.weixin.mp.bean.template.WxMpTemplateData(key, value)));
        try {
            wx().getTemplateMsgService().sendTemplateMsg(message);
        } catch (WxErrorException e) {
            throw new OfficialAccountException(errors.count("mp", e.getError().getErrorCode()));
        } catch (RuntimeException e) {
            throw new OfficialAccountException(errors.count("mp", -1));
        }
    }

    @Override
    public boolean sendText(String openId, String text) {
        if (!properties.configured()) {
            return false;
        }
        try {
            return wx().getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(text).build());
        } catch (WxErrorException e) {
            log.warn("WeChat refused a customer-service message: errcode {}", errors.count("mp", e.getError().getErrorCode()));
            return false;
        }
    }
}
