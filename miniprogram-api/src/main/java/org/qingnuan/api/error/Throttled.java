package org.qingnuan.api.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write the server counts per signed-in user: past the bucket's limit within its window the call answers
 * {@code 429 WRITES_THROTTLED} with a Chinese message naming the wait and a {@code Retry-After} header
 * (seconds). The limits are the server's settings ({@code qingnuan.mini.throttle.*}); a repeat of the same
 * request (same {@code Idempotency-Key}) is not counted again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Throttled {

    Bucket value();

    /** Calls counted together; the label names them in the message. */
    enum Bucket {
        SUBMISSIONS("提交求助"),
        REPORTS("上报需求"),
        CLAIMS("认领任务"),
        UPLOADS("上传照片"),
        INVITES("输入邀请码"),
        WRITES("提交");

        private final String label;

        Bucket(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
