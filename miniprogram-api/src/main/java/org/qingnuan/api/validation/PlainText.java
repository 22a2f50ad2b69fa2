package org.qingnuan.api.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text a person typed: no markup ({@code <} {@code >}) and no control characters other than
 * line breaks and tabs. Text is shown in the admin web and in WeChat, and refusing markup at the
 * door is simpler than escaping it correctly in every place it is shown. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "不能包含 < > 等标记符号或不可见字符";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
