package org.qingnuan.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryExcerptTest {

    @Test
    void aShortBodyIsShownWholeOnOneLine() {
        assertThat(PublishedStories.excerpt("第一段。\n\n第二段。  ")).isEqualTo("第一段。 第二段。");
    }

    @Test
    void aLongBodyIsCutAtSixtyCharactersWithoutSplittingOne() {
        String body = "字".repeat(59) + "😀" + "尾巴";
        String excerpt = PublishedStories.excerpt(body);
        assertThat(excerpt).isEqualTo("字".repeat(59) + "😀…");
        assertThat(PublishedStories.excerpt("字".repeat(60))).isEqualTo("字".repeat(60));
    }
}
