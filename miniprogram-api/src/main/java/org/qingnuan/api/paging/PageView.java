package org.qingnuan.api.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items rows of this page
 * @param total rows over all pages
 * @param page  1-based page number
 * @param size  requested page size
 */
public record PageView<T>(List<T> items, long total, long page, long size) {

    public PageView {
        items = List.copyOf(items);
    }

    public <R> PageView<R> map(Function<? super T, ? extends R> mapper) {
        return new PageView<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}
