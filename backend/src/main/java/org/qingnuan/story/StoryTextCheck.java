package org.qingnuan.story;

import org.qingnuan.api.error.ApiError;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.wechat.MiniProgram;
import org.qingnuan.wechat.MiniProgramException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A story's title and body pass WeChat's text check before the mini-program shows them. Staff wrote them, so there
 * is no user's openid: WeChat's v1 check, which answers pass or risky. Risky is refused with the field named;
 * when WeChat cannot answer the story is published all the same and staff see that it went out unchecked —
 * holding publicity back because WeChat is down would punish the wrong people, and its authors are accountable.
 */
@Component
class StoryTextCheck {

    private static final Logger log = LoggerFactory.getLogger(StoryTextCheck.class);

    private final MiniProgram miniProgram;

    StoryTextCheck(MiniProgram miniProgram) {
        this.miniProgram = miniProgram;
    }

    /** @throws DomainException STORY_TEXT_RISKY naming the title or the body */
    Story.TextCheck check(Story story) {
        if (!miniProgram.configured()) {
            return Story.TextCheck.UNCHECKED;
        }
        try {
            List<ApiError.FieldError> risky = new ArrayList<>();
            if (miniProgram.checkTextWithoutUser(story.getTitle()) == MiniProgram.ContentVerdict.RISKY) {
                risky.add(new ApiError.FieldError("title", "标题未通过微信内容安全检测，请修改"));
            }
            if (miniProgram.checkTextWithoutUser(story.getBody()) == MiniProgram.ContentVerdict.RISKY) {
                risky.add(new ApiError.FieldError("body", "正文未通过微信内容安全检测，请修改"));
            }
            if (!risky.isEmpty()) {
                throw new DomainException(StoryError.STORY_TEXT_RISKY, StoryError.STORY_TEXT_RISKY.message(), risky);
            }
            return Story.TextCheck.PASS;
        } catch (MiniProgramException e) {
            log.warn("Story text check unavailable (errcode {}); published unchecked", e.errcode());
            return Story.TextCheck.UNCHECKED;
        }
    }
}
