package org.qingnuan.ticket;

import org.qingnuan.api.error.ErrorCode;

public enum TicketError implements ErrorCode {
    TICKET_NOT_FOUND(404, "求助不存在，或您无权查看"),
    TICKET_STATE_CONFLICT(409, "求助当前的状态不允许这样操作，请刷新后查看"),
    NOT_YOUR_FAMILY(403, "您没有绑定这个家庭，不能为其求助；请先在“我的”中绑定家庭"),
    CONTENT_RISKY(422, "您填写的内容未通过微信内容安全检测，请修改后再提交"),
    PHOTO_NOT_UPLOADED(400, "有照片没有上传成功，请重新上传后再提交"),
    PHOTO_STORAGE_UNAVAILABLE(503, "照片上传暂不可用，请先不带照片提交，或稍后再试"),
    FAMILY_ADDRESS_MISSING(400, "登记信息中没有家庭住址，请填写服务地址"),
    TOO_MANY_ACTIVE_TASKS(409, "您进行中的任务已达上限，请先完成或放弃其中一个"),
    SKILL_MISMATCH(403, "这项任务需要的技能不在您登记的技能中"),
    NOT_YOUR_STEP(403, "这一步不由您的单位操作：派单后由承办单位接单和办理，期限由派单单位调整"),
    OWN_VOLUNTEERS_ONLY(403, "这项任务只对承办单位自己的志愿者发布");

    private final int httpStatus;
    private final String message;

    TicketError(int httpStatus, String message) {
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
