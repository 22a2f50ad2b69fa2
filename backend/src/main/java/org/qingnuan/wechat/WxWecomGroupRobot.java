package org.qingnuan.wechat;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.constant.WxCpApiPathConsts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link WecomGroupRobot} on WxJava's WeCom module. A robot webhook needs no access token and no
 * corp secret; only the API host is configured (tests point it at a local stub).
 */
@Component
class WxWecomGroupRobot implements WecomGroupRobot {

    private final String apiHost;
    private final LazyClient<WxCpService> wx = new LazyClient<>(this::build);

    private final WechatErrors errors;

    WxWecomGroupRobot(@Value("${qingnuan.wechat.wecom.api-host:}") String apiHost, WechatErrors errors) {
        this.errors = errors;
        this.apiHost = apiHost;
    }

    /** Built on first use: most starts (and the embedded default) never call WeChat. */
    private WxCpService wx() {
        return wx.get();
    }

    private WxCpService build() {
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        if (apiHost != null && !apiHost.isBlank()) {
            config.setBaseApiUrl(apiHost);
        }
        WxCpServiceImpl service = new WxCpServiceImpl();
        // callers decide about retries (the prompt's back-off); WxJava's own would block the job
        service.setRetrySleepMillis(0);
        service.setMaxRetryTimes(0);
        service.setWxCpConfigStorage(config);
        return service;
    }

    @Override
    public void sendMarkdown(String webhookKey, String markdown) {
        String url = wx().getWxCpConfigStorage().getApiUrl(WxCpApiPathConsts.WEBHOOK_SEND) + webhookKey;
        try {
            wx().getGroupRobotService().sendMarkdown(url, markdown);
        } catch (WxErrorException e) {
            throw new OfficialAccountException(errors.count("wecom", e.getError().getErrorCode()));
        } catch (RuntimeException e) {
            throw new OfficialAccountException(errors.count("wecom", -1));
        }
    }
}
