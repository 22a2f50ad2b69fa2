package org.qingnuan.api.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Paging of a list request, bound from the query string ({@code ?page=1&size=20}).
 *
 * @param page 1-based page number, default 1
 * @param size rows per page, 1–200, default 20
 */
public record PageQuery(
        @Min(value = 1, message = "页码从 1 开始") Integer page,
        @Min(value = 1, message = "每页至少 1 条") @Max(value = 200, message = "每页最多 200 条") Integer size) {

    public static final int DEFAULT_SIZE = 20;

    public PageQuery {
        page = page == null ? 1 : page;
        size = size == null ? DEFAULT_SIZE : size;
    }

    public static PageQuery first(int size) {
        return new PageQuery(1, size);
    }
}
