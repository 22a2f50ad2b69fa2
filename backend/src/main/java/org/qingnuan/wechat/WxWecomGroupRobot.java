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
    private volatile WxCpService wx;

    WxWecomGroupRobot(@Value("${qingnuan.wechat.wecom.api-host:}") String apiHost) {
        this.apiHost = apiHost;
    }

    private WxCpService wx() {
        WxCpService service = wx;
        if (service == null) {
            synchronized (this) {
                if (wx == null) {
                    WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
                    if (apiHost != null && !apiHost.isBlank()) {
                        config.setBaseApiUrl(apiHost);
                    }
                    WxCpServiceImpl impl = new WxCpServiceImpl();
                    // callers decide about retries (the prompt's back-off); WxJava's own would block the job
                    impl.setRetrySleepMillis(0);
                    impl.setMaxRetryTimes(0);
                    impl.setWxCpConfigStorage(config);
                    wx = impl;
                }
                service = wx;
            }
        }
        return service;
    }

    @Override
    public void sendMarkdown(String webhookKey, String markdown) {
        String url = wx().getWxCpConfigStorage().getApiUrl(WxCpApiPathConsts.WEBHOOK_SEND) + webhookKey;
        try {
            wx().getGroupRobotService().sendMarkdown(url, markdown);
        } catch (WxErrorException e) {
            throw new OfficialAccountException(e.getError().getErrorCode());
        } catch (RuntimeException e) {
            throw new OfficialAccountException(-1);
        }
    }
}
