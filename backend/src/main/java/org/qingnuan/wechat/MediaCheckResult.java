package org.qingnuan.wechat;

/**
 * WeChat's verdict on a photo submitted with {@link MiniProgram#checkImageAsync} (the {@code wxa_media_check}
 * push), published once the push's signature and AppID were checked. Features find their photo by the trace id.
 *
 * @param traceId  the id {@code mediaCheckAsync} answered
 * @param suggest  {@code pass}, {@code review} or {@code risky} ({@code result.suggest})
 * @param label    WeChat's label of what it found ({@code result.label}; 100 is normal), null when absent
 */
public record MediaCheckResult(String traceId, String suggest, Integer label) {
}
