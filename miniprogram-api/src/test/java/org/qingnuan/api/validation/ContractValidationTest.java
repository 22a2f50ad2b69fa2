package org.qingnuan.api.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.paging.PageQuery;

import static org.assertj.core.api.Assertions.assertThat;

class ContractValidationTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    record Named(@Pattern(regexp = Patterns.NAME) String name, @PlainText String note) {
    }

    @Test
    void acceptsRealChineseNamesAndUnitNames() {
        assertThat(validator.validate(new Named("共青团广州市天河区委员会", "老人独居，需要买菜\n周六上午在家"))).isEmpty();
        assertThat(validator.validate(new Named("阿依古丽·买买提", null))).isEmpty();
        assertThat(validator.validate(new Named("中山大学附属第一医院（东院）", null))).isEmpty();
    }

    @Test
    void refusesSqlAndMarkupInNames() {
        assertThat(validator.validate(new Named("x'; DROP TABLE staff_account; --", null))).hasSize(1);
        assertThat(validator.validate(new Named("<script>alert(1)</script>", null))).hasSize(1);
        assertThat(validator.validate(new Named(" 前导空格", null))).hasSize(1);
    }

    @Test
    void refusesMarkupAndControlCharactersInFreeText() {
        assertThat(validator.validate(new Named("张三", "<img src=x onerror=alert(1)>"))).hasSize(1);
        assertThat(validator.validate(new Named("张三", "bell\u0007"))).hasSize(1);
    }

    @Test
    void pageQueryDefaultsAndBounds() {
        PageQuery defaults = new PageQuery(null, null);
        assertThat(defaults.page()).isEqualTo(1);
        assertThat(defaults.size()).isEqualTo(PageQuery.DEFAULT_SIZE);
        assertThat(validator.validate(new PageQuery(0, 201))).hasSize(2);
    }
}
