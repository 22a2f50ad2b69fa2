package org.qingnuan.shared.persistence;

import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PagesTest {

    @Test
    void shouldCarryRowsTotalAndPositionBothWays() {
        Page<String> page = Pages.of(new PageQuery(3, 20));
        assertThat(page.getCurrent()).isEqualTo(3);
        assertThat(page.getSize()).isEqualTo(20);
        page.setRecords(List.of("a", "b"));
        page.setTotal(42);

        PageView<String> view = Pages.view(page);
        assertThat(view.items()).containsExactly("a", "b");
        assertThat(view.total()).isEqualTo(42);
        assertThat(view.page()).isEqualTo(3);
        assertThat(view.size()).isEqualTo(20);
    }
}
