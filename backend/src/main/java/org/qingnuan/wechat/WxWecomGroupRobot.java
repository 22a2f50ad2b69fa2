package org.qingnuan.wechat;

import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.SimplePostRequestExecutor;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.constant.WxCpApiPathConsts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;

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
        WxCpServiceImpl service = new QuietWebhookService();
        // callers decide about retries (the prompt's back-off); WxJava's own would block the job
        service.setRetrySleepMillis(0);
        service.setMaxRetryTimes(0);
        service.setWxCpConfigStorage(config);
        return service;
    }

    /**
     * WxJava's {@code postWithoutToken} logs the whole URL at ERROR when a send fails (and at DEBUG when it
     * works), and a robot's URL carries its key, which lets anyone post to the group. The robot's posts go
     * through the same executor without that logging; failures reach the caller as errcodes only.
     */
    static final class QuietWebhookService extends WxCpServiceImpl {

        @Override
        public String postWithoutToken(String url, String postData) throws WxErrorException {
            try {
                return SimplePostRequestExecutor.create(this).execute(url, postData, WxType.CP);
            } catch (IOException e) {
                // the exception's own text may name the URL: keep only its kind
                throw new WxErrorException(WxError.builder().errorCode(-1).errorMsg(e.getClass().getSimpleName()).build());
            }
        }
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
