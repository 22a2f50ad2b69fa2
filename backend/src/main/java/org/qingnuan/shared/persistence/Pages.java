package org.qingnuan.shared.persistence;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;

/** Between the contract's paging types and MyBatis-Plus pages. */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> of(PageQuery query) {
        return Page.of(query.page(), query.size());
    }

    public static <T> PageView<T> view(IPage<T> page) {
        return new PageView<>(page.getRecords(), page.getTotal(), page.getCurrent(), page.getSize());
    }
}
