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
        assertThat(DemandText.isReport("你好，请问怎么报需求")).isFalse();
        assertThat(DemandText.parse("需求")).isEmpty();
    }
}
