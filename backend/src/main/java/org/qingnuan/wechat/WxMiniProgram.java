package org.qingnuan.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaMediaAsyncCheckResult;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedissonConfigImpl;
import me.chanjar.weixin.common.error.WxErrorException;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@link MiniProgram} on WxJava ({@code WxMaService}).
 *
 * <ul>
 *   <li>The access token comes from {@code /cgi-bin/stable_token} and lives in Redis under
 *       {@value #REDIS_PREFIX} (WxJava's Redisson-backed config, with a Redis lock around refreshes), so
 *       every instance shares one token instead of racing to refresh it; each instance remembers what it read for
 *       half a minute ({@link RememberedTokenConfig}). WxJava asks for a token even before code2Session, which
 *       itself needs none.</li>
 *   <li>WxJava does not retry on its own here ({@code maxRetryTimes} 0): it would otherwise sleep and
 *       retry errcode -1 up to five times (31 s) on the caller's thread. Callers decide what to retry.</li>
 *   <li>Logging: this class logs the operation and WeChat's errcode only — never codes, openids, phone
 *       numbers, session keys or message text. WxJava's own request log warns on every refusal with the
 *       request body and the URL including the access token, so that logger is raised to ERROR unless
 *       the configuration sets its level explicitly.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(MiniProgramProperties.class)
class WxMiniProgram implements MiniProgram {

    /** Redis key prefix of WxJava's mini-program token, lock and tickets. */
    static final String REDIS_PREFIX = "qn:wx:ma";
    /** WxJava's logger that writes request bodies and access tokens at WARN when WeChat refuses a call. */
    static final String WXJAVA_REQUEST_LOG = "cn.binarywang.wx.miniapp.api.impl.BaseWxMaServiceImpl";

    private static final Logger log = LoggerFactory.getLogger(WxMiniProgram.class);

    private final MiniProgramProperties properties;
    private final RedissonClient redisson;
    private final Environment environment;
    private final LazyClient<WxMaService> wx = new LazyClient<>(this::build);

    private final WechatErrors errors;

    WxMiniProgram(MiniProgramProperties properties, RedissonClient redisson, ObjectProvider<LoggingSystem> logging,
                  Environment environment, WechatErrors errors) {
        this.errors = errors;
        this.properties = properties;
        this.redisson = redisson;
        this.environment = environment;
        logging.ifAvailable(WxMiniProgram::quietWxJavaRequestLog);
    }

    private static void quietWxJavaRequestLog(LoggingSystem logging) {
        LoggerConfiguration configured = logging.getLoggerConfiguration(WXJAVA_REQUEST_LOG);
        if (configured == null || configured.getConfiguredLevel() == null) {
            logging.setLogLevel(WXJAVA_REQUEST_LOG, LogLevel.ERROR);
        }
    }

    @Override
    public boolean configured() {
        return properties.configured();
    }

    @Override
    public LoginSession login(String jsCode) {
        WxMaJscode2SessionResult session = call("code2Session", wx -> wx.getUserService().getSessionInfo(jsCode));
        if (session == null || isBlank(session.getOpenid()) || isBlank(session.getSessionKey())) {
            log.warn("WeChat mini-program code2Session answered without openid or session key");
            throw new MiniProgramException(-1);
        }
        return new LoginSession(session.getOpenid(), session.getUnionid(), session.getSessionKey());
    }

    /**
     * {@inheritDoc}
     * <p>
     * WeChat's getuserphonenumber needs only the code: it is issued to one user of this mini-program,
     * used once and valid for 5 minutes. WxJava 4.8.2's {@code getPhoneNumber(code)} sends only the
     * code, so {@code openId} is not sent. The watermark's AppID must be ours.
     */
    @Override
    public String phoneNumber(String phoneCode, String openId) {
        // WeChat's getuserphonenumber takes the openid as well; WxJava's getPhoneNumber(code) cannot send it
        com.google.gson.JsonObject request = new com.google.gson.JsonObject();
        request.addProperty("code", phoneCode);
        if (openId != null) {
            request.addProperty("openid", openId);
        }
        String answer = call("getPhoneNumber", wx -> wx.post(
                cn.binarywang.wx.miniapp.constant.WxMaApiUrlConstants.User.GET_PHONE_NUMBER_URL, request.toString()));
        com.google.gson.JsonElement phoneInfo = answer == null ? null
                : com.google.gson.JsonParser.parseString(answer).getAsJsonObject().get("phone_info");
        WxMaPhoneNumberInfo info = phoneInfo == null ? null
                : cn.binarywang.wx.miniapp.json.WxMaGsonBuilder.create().fromJson(phoneInfo, WxMaPhoneNumberInfo.class);
        if (info == null || isBlank(info.getPurePhoneNumber())) {
            log.warn("WeChat mini-program getPhoneNumber answered without phone_info");
            throw new MiniProgramException(-1);
        }
        if (info.getWatermark() != null && info.getWatermark().getAppid() != null
                && !info.getWatermark().getAppid().equals(properties.appId())) {
            log.warn("WeChat mini-program getPhoneNumber answered with another AppID's watermark");
            throw new MiniProgramException(-1);
        }
        return info.getPurePhoneNumber();
    }

    @Override
    public ContentVerdict checkText(String openId, ContentScene scene, String text) {
        WxMaMsgSecCheckCheckRequest request = WxMaMsgSecCheckCheckRequest.builder()
                .version("2").openid(openId).scene(scene.code()).content(text).build();
        WxMaMsgSecCheckCheckResponse response = call("msgSecCheck", wx -> wx.getSecurityService().checkMessage(request));
        String suggest = response == null || response.getResult() == null ? null : response.getResult().getSuggest();
        if (suggest != null) {
            switch (suggest) {
                case "pass":
                    return ContentVerdict.PASS;
                case "review":
                    return ContentVerdict.REVIEW;
                case "risky":
                    return ContentVerdict.RISKY;
                default:
                    break;
            }
        }
        log.warn("WeChat mini-program msgSecCheck answered without a known suggest");
        throw new MiniProgramException(-1);
    }

    /** WeChat's errcode for text its v1 check calls risky. */
    static final int RISKY_CONTENT = 87014;
    /** WeChat's media_type for an image. */
    static final int IMAGE = 2;

    @Override
    public ContentVerdict checkTextWithoutUser(String text) {
        try {
            call("msgSecCheck v1", wx -> wx.getSecurityService().checkMessage(text));
            return ContentVerdict.PASS;
        } catch (MiniProgramException e) {
            if (e.errcode() == RISKY_CONTENT) {
                return ContentVerdict.RISKY;
            }
            throw e;
        }
    }

    @Override
    public String checkImageAsync(String openId, ContentScene scene, String imageUrl) {
        WxMaMediaSecCheckCheckRequest request = WxMaMediaSecCheckCheckRequest.builder()
                .mediaUrl(imageUrl).mediaType(IMAGE).version(2).openid(openId).scene(scene.code()).build();
        return traceId(call("mediaCheckAsync", wx -> wx.getSecurityService().mediaCheckAsync(request)));
    }

    @Override
    public String checkImageAsyncWithoutUser(String imageUrl) {
        return traceId(call("mediaCheckAsync v1", wx -> wx.getSecurityService().mediaCheckAsync(imageUrl, IMAGE)));
    }

    private static String traceId(WxMaMediaAsyncCheckResult result) {
        if (result == null || isBlank(result.getTraceId())) {
            log.warn("WeChat mini-program mediaCheckAsync answered without trace_id");
            throw new MiniProgramException(-1);
        }
        return result.getTraceId();
    }

    /** The client, for checking the message push ({@link MiniProgramPush}): its config holds the Token and AES key. */
    WxMaService client() {
        return wx();
    }

    @Override
    public void sendSubscribeMessage(String openId, String templateId, String page, Map<String, String> data) {
        WxMaSubscribeMessage message = WxMaSubscribeMessage.builder().toUser(openId).templateId(templateId).page(page).build();
        data.forEach((key, value) -> message.addData(new WxMaSubscribeMessage.MsgData(key, value)));
        call("subscribeSend", wx -> {
            wx.getMsgService().sendSubscribeMsg(message);
            return null;
        });
    }

    @FunctionalInterface
    private interface WxCall<T> {
        T run(WxMaService wx) throws WxErrorException;
    }

    /** Runs one WeChat call; every failure becomes a {@link MiniProgramException} with WeChat's errcode, or -1. */
    private <T> T call(String operation, WxCall<T> call) {
        if (!properties.configured()) {
            throw new MiniProgramException(-1);
        }
        try {
            return call.run(wx());
        } catch (WxErrorException e) {
            int errcode = e.getError() == null || e.getError().getErrorCode() == 0 ? -1 : e.getError().getErrorCode();
            if (errcode == MiniProgramException.INVALID_CODE || errcode == MiniProgramException.SUBSCRIPTION_REFUSED) {
                log.info("WeChat mini-program {} refused: errcode {}", operation, errcode);
            } else {
                log.warn("WeChat mini-program {} refused: errcode {}", operation, errcode);
            }
            throw new MiniProgramException(errors.count("mini", errcode));
        } catch (RuntimeException e) {
            if (org.qingnuan.shared.redis.RedisAvailability.isOutage(e)) {
                // WxJava keeps the access token in Redis: Redis is down, WeChat is not to blame
                throw new org.qingnuan.shared.redis.RedisUnavailableException(e);
            }
            // the message may hold the URL with the access token: the exception's type only
            log.warn("WeChat mini-program {} failed: {}", operation, e.getClass().getSimpleName());
            throw new MiniProgramException(errors.count("mini", -1));
        }
    }

    /** Built on first use: most starts (and the embedded default) never call WeChat. */
    private WxMaService wx() {
        return wx.get();
    }

    private WxMaService build() {
        WxMaRedissonConfigImpl config = new RememberedTokenConfig(redisson, REDIS_PREFIX);
        config.setAppid(properties.appId());
        config.setSecret(properties.secret());
        config.useStableAccessToken(true);
        // the message push's Token and EncodingAESKey: WxJava's checkSignature and WxMaMessage's decryption read them
        config.setToken(properties.token());
        config.setAesKey(isBlank(properties.aesKey()) ? null : properties.aesKey());
        config.setMsgDataFormat("JSON");
        if (!isBlank(properties.apiHost())) {
            // WxJava swaps https://api.weixin.qq.com for this host in every API URL and in stable_token
            // resolved only now: the embedded default's stand-in is this application, on ${local.server.port}
            config.setApiHostUrl(environment.resolveRequiredPlaceholders(properties.apiHost()).replaceAll("/+$", ""));
        }
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setMaxRetryTimes(0);
        return service;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
