package org.qingnuan.api.story;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.error.Failures;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Stories (先进典型) in the mini-program: published ones only, of every league of the installation. */
@Tag(name = "小程序：先进典型")
@RequestMapping("/api/mini")
public interface MiniStoryApi {

    @Operation(operationId = "listStories", summary = "已发布的先进典型，新发布的在前",
            description = "需要登录（静默登录即可，无需绑定身份）。只列出已发布的；草稿和已撤回的不出现。")
    @GetMapping("/stories")
    PageView<StoryCard> list(@Valid PageQuery paging);

    @Operation(operationId = "getStory", summary = "先进典型详情（含照片临时地址）",
            description = "未发布或已撤回的返回 404 STORY_NOT_FOUND。")
    @GetMapping("/stories/{id}")
    @Failures({"STORY_NOT_FOUND"})
    StoryView get(@PathVariable long id);
}
