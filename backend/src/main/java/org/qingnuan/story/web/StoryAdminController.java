package org.qingnuan.story.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.TicketRequests;
import org.qingnuan.api.ticket.UploadPolicyView;
import org.qingnuan.story.StaffStories;
import org.qingnuan.story.StoryAdminView;
import org.qingnuan.story.StoryRequests.SaveStory;
import org.qingnuan.story.StoryRequests.StoryQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Reading is for every staff role; writing for the roles that act (VIEWER reads only, decision 10). */
@Tag(name = "先进典型")
@RestController
@RequestMapping("/api/admin/stories")
class StoryAdminController {

    private final StaffStories stories;

    StoryAdminController(StaffStories stories) {
        this.stories = stories;
    }

    @Operation(summary = "本辖区的先进典型（可按状态筛选），最近修改的在前")
    @GetMapping
    PageView<StoryAdminView> list(StoryQuery query, @Valid PageQuery paging) {
        return stories.list(query, paging);
    }

    @Operation(summary = "先进典型详情（含照片临时地址）")
    @GetMapping("/{id}")
    StoryAdminView get(@PathVariable long id) {
        return stories.detail(id);
    }

    @Operation(summary = "新建先进典型（草稿，属于本人所在组织）")
    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    ResponseEntity<StoryAdminView> create(@Valid @RequestBody SaveStory request) {
        long id = stories.create(request);
        return ResponseEntity.created(URI.create("/api/admin/stories/" + id)).body(stories.detail(id));
    }

    @Operation(summary = "修改草稿或已撤回的先进典型（须带 version）；已发布的须先撤回")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    StoryAdminView update(@PathVariable long id, @Valid @RequestBody SaveStory request) {
        stories.update(id, request);
        return stories.detail(id);
    }

    @Operation(summary = "发布：小程序中立即可见")
    @PostMapping("/{id}/publish")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    StoryAdminView publish(@PathVariable long id) {
        stories.publish(id);
        return stories.detail(id);
    }

    @Operation(summary = "撤回：小程序中立即不可见，可修改后重新发布")
    @PostMapping("/{id}/withdraw")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    StoryAdminView withdraw(@PathVariable long id) {
        stories.withdraw(id);
        return stories.detail(id);
    }

    @Operation(summary = "申请上传一张照片：返回 OSS 直传地址和表单字段（5 分钟内有效），上传后把 key 放进 photoKeys")
    @PostMapping("/photo-policy")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    UploadPolicyView photoPolicy(@Valid @RequestBody TicketRequests.UploadPolicyRequest request) {
        return stories.photoPolicy(request.contentType(), request.size());
    }
}
