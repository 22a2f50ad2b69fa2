package org.qingnuan.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingnuan.prompt.DemandText.Kind.OTHER;
import static org.qingnuan.prompt.DemandText.Kind.SUPPLY;

class DemandTextTest {

    @Test
    void shouldReadSuppliesWithQuantitiesAndUnits() {
        List<DemandText.Item> items = DemandText.parse("需求 N95口罩 200个；防护服 50套");
        assertThat(items).containsExactly(new DemandText.Item(SUPPLY, "N95口罩", 200, "个"),
                new DemandText.Item(SUPPLY, "防护服", 50, "套"));
    }

    @Test
    void shouldAcceptHowPeopleTypeOnPhones() {
        assertThat(DemandText.parse("需求：护目镜30副,手套 1000双、消毒液x20桶\n隔离衣 100"))
                .containsExactly(new DemandText.Item(SUPPLY, "护目镜", 30, "副"), new DemandText.Item(SUPPLY, "手套", 1000, "双"),
                        new DemandText.Item(SUPPLY, "消毒液", 20, "桶"), new DemandText.Item(SUPPLY, "隔离衣", 100, null));
    }

    @Test
    void shouldKeepNeedsWithoutQuantitiesAsWords() {
        assertThat(DemandText.parse("需求 需要心理疏导；队员家中老人无人照料。"))
                .containsExactly(new DemandText.Item(OTHER, "需要心理疏导", null, null),
                        new DemandText.Item(OTHER, "队员家中老人无人照料", null, null));
    }

    @Test
    void shouldRecogniseOnlyMessagesMeantAsReports() {
        assertThat(DemandText.isReport("需求 N95口罩 200个")).isTrue();
        assertThat(DemandText.isReport("报需求：口罩")).isTrue();
        assertThat(DemandText.isReport("报告：护目镜 30副")).isTrue();
        assertThat(DemandText.isReport("你好，请问怎么报需求")).isFalse();
        assertThat(DemandText.parse("需求")).isEmpty();
    }

    @Test
    void shouldReadAMessageWithoutThePrefix() {
        assertThat(DemandText.parse("N95口罩 100个")).containsExactly(new DemandText.Item(SUPPLY, "N95口罩", 100, "个"));
        assertThat(DemandText.parse("报告：护目镜 30副")).containsExactly(new DemandText.Item(SUPPLY, "护目镜", 30, "副"));
        assertThat(DemandText.parse("今日物资需求：隔离衣 20件")).containsExactly(new DemandText.Item(SUPPLY, "隔离衣", 20, "件"));
        assertThat(DemandText.parse("口罩：100个")).containsExactly(new DemandText.Item(SUPPLY, "口罩", 100, "个"));
    }

    @Test
    void shouldReadSeveralItemsInOneLineAndEitherOrder() {
        assertThat(DemandText.parse("口罩100个 防护服 50套 手套2箱"))
                .containsExactly(new DemandText.Item(SUPPLY, "口罩", 100, "个"), new DemandText.Item(SUPPLY, "防护服", 50, "套"),
                        new DemandText.Item(SUPPLY, "手套", 2, "箱"));
        assertThat(DemandText.parse("需要100个口罩，50瓶消毒液"))
                .containsExactly(new DemandText.Item(SUPPLY, "口罩", 100, "个"), new DemandText.Item(SUPPLY, "消毒液", 50, "瓶"));
    }

    @Test
    void shouldReadChineseNumeralsAndMultipliers() {
        assertThat(DemandText.parse("口罩一百个；防护服两千套；手套3万只；酒精棉片1.5万片；护目镜二十五副；面屏一千五个；鞋套一百零五双"))
                .containsExactly(new DemandText.Item(SUPPLY, "口罩", 100, "个"), new DemandText.Item(SUPPLY, "防护服", 2000, "套"),
                        new DemandText.Item(SUPPLY, "手套", 30000, "只"), new DemandText.Item(SUPPLY, "酒精棉片", 15000, "片"),
                        new DemandText.Item(SUPPLY, "护目镜", 25, "副"), new DemandText.Item(SUPPLY, "面屏", 1500, "个"),
                        new DemandText.Item(SUPPLY, "鞋套", 105, "双"));
        assertThat(DemandText.parse("医用口罩 ５０ 盒")).as("full-width digits").containsExactly(new DemandText.Item(SUPPLY, "医用口罩", 50, "盒"));
        assertThat(DemandText.parse("大米 5千克")).containsExactly(new DemandText.Item(SUPPLY, "大米", 5, "千克"));
    }

    @Test
    void shouldKeepNumbersThatArePartOfAName() {
        assertThat(DemandText.parse("一次性手套 200双；3M口罩 20盒；75%酒精 10瓶"))
                .containsExactly(new DemandText.Item(SUPPLY, "一次性手套", 200, "双"), new DemandText.Item(SUPPLY, "3M口罩", 20, "盒"),
                        new DemandText.Item(SUPPLY, "75%酒精", 10, "瓶"));
    }

    @Test
    void shouldSayWhatWasNotUnderstood() {
        DemandText.Reading reading = DemandText.read("口罩 100个；好的收到");
        assertThat(reading.items()).containsExactly(new DemandText.Item(SUPPLY, "口罩", 100, "个"));
        assertThat(reading.notUnderstood()).containsExactly("好的收到");
        assertThat(DemandText.read("谢谢你们！").items()).isEmpty();
        assertThat(DemandText.read("急需心理疏导").items()).containsExactly(new DemandText.Item(OTHER, "急需心理疏导", null, null));
        assertThat(DemandText.parse("口罩 0个")).as("nothing to deliver").isEmpty();
        assertThat(DemandText.parse("口罩 99999999个")).isEmpty();
    }

    @Test
    void shouldLeaveBindingCodesAndIntroductionsToTheirOwnConversations() {
        assertThat(DemandText.isCommand("绑定 AB12CD34")).isTrue();
        assertThat(DemandText.isCommand("ab12cd34")).isTrue();
        assertThat(DemandText.isCommand("123456")).isTrue();
        assertThat(DemandText.isCommand("我是 张三")).isTrue();
        assertThat(DemandText.isCommand("口罩 100个")).isFalse();
    }
}
