package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.error.Failures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A volunteer's consent to appear in stories (先进典型): personal information shown to everyone needs the
 * person's own consent (PIPL), so staff cannot publish a story about a volunteer without it.
 */
@Tag(name = "小程序：志愿者")
@RequestMapping("/api/mini/volunteer/story-consent")
public interface MiniStoryConsentApi {

    @Operation(operationId = "getStoryConsent", summary = "我是否同意在“先进典型”中展示我的姓名、照片和事迹")
    @GetMapping
    @Failures({"NOT_A_VOLUNTEER"})
    StoryConsentView storyConsent();

    @Operation(operationId = "setStoryConsent", summary = "同意或撤回同意；撤回后，已发布的关于我的先进典型立即撤下")
    @PutMapping
    @Failures({"NOT_A_VOLUNTEER"})
    StoryConsentView setStoryConsent(@Valid @RequestBody StoryConsentView.Change change);
}
