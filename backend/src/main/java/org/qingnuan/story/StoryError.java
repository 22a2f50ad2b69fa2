package org.qingnuan.story;

import org.qingnuan.api.error.ErrorCode;

public enum StoryError implements ErrorCode {
    STORY_NOT_FOUND(404, "先进典型不存在，或不在您的管辖范围内"),
    STORY_NOT_EDITABLE(409, "已发布的先进典型不能直接修改，请先撤回再编辑"),
    STORY_STATE_CONFLICT(409, "先进典型当前的状态不允许这样操作，请刷新后查看"),
    STORY_CONSENT_MISSING(409, "这位志愿者尚未同意展示其事迹：请志愿者在小程序“上岗准备”页中同意后再发布"),
    STORY_PHOTO_INVALID(400, "有照片不是您本人上传的，或没有上传成功，请重新上传"),
    STORY_TEXT_RISKY(400, "标题或正文未通过微信内容安全检测，请修改后再发布"),
    PHOTO_STORAGE_UNAVAILABLE(503, "照片上传暂不可用，请稍后再试；不带照片也可以保存");

    private final int httpStatus;
    private final String message;

    StoryError(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }
}
