package org.qingnuan.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.api.error.Throttled;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.ratelimit.ThrottleError;
import org.qingnuan.shared.ratelimit.WindowLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place the mini-program's writes are throttled: every operation of the contract marked
 * {@link Throttled} is counted per signed-in user in its bucket before the controller runs; past the limit it
 * answers 429 {@code WRITES_THROTTLED} with the wait in Chinese and {@code Retry-After}. A retry with the same
 * {@code Idempotency-Key} is not counted twice, so a lost answer can always be fetched again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MiniThrottleProperties.class)
class MiniWriteThrottle implements WebMvcConfigurer, HandlerInterceptor {

    private final WindowLimiter limiter;
    private final MiniThrottleProperties properties;
    private final Map<Method, Optional<Throttled>> marks = new ConcurrentHashMap<>();

    MiniWriteThrottle(WindowLimiter limiter, MiniThrottleProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/mini/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        // Spring merges a method's annotations again at every call: read once per handler method
        Throttled throttled = marks.computeIfAbsent(method.getMethod(),
                m -> Optional.ofNullable(method.getMethodAnnotation(Throttled.class))).orElse(null);
        if (throttled == null) {
            return true;
        }
        Throttled.Bucket bucket = throttled.value();
        long userId = CurrentUser.require().userId();
        WindowLimiter.Outcome outcome = limiter.hit("mini:" + bucket.name().toLowerCase() + ":" + userId,
                properties.of(bucket), request.getHeader("Idempotency-Key"));
        if (!outcome.allowed()) {
            throw DomainException.limited(ThrottleError.WRITES_THROTTLED,
                    bucket.label() + "太频繁了，请 " + DomainException.inWords(outcome.retryAfter()) + "后再试",
                    outcome.retryAfter());
        }
        return true;
    }
}
