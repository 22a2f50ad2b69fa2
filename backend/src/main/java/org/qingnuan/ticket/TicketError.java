package org.qingnuan.ticket;

import org.qingnuan.api.error.ErrorCode;

public enum TicketError implements ErrorCode {
    TICKET_NOT_FOUND(404, "求助不存在，或您无权查看"),
    TICKET_STATE_CONFLICT(409, "求助当前的状态不允许这样操作，请刷新后查看",
            "Reload the request (fieldErrors[status] carries its current status) and offer what is possible "
                    + "now; on a claim, another volunteer was faster."),
    NOT_YOUR_FAMILY(403, "您没有绑定这个家庭，不能为其求助；请先在“我的”中绑定家庭",
            "Reload GET /api/mini/me (roles change) and offer only the families of the user's roles."),
    CONTENT_RISKY(422, "您填写的内容未通过微信内容安全检测，请修改后再提交",
            "Nothing was saved: let the user reword the text and submit again. Only a volunteer's completion note and "
                    + "a family's confirmation comment; a help request is saved first and checked after (decision 311)."),
    PHOTO_NOT_UPLOADED(400, "有照片没有上传成功，请重新上传后再提交",
            "Upload the photos named in fieldErrors again (a new upload policy each) or drop them, then resubmit."),
    PHOTO_STORAGE_UNAVAILABLE(503, "照片上传暂不可用，请先不带照片提交，或稍后再试",
            "Offer to go on without photos, or retry later."),
    FAMILY_ADDRESS_MISSING(400, "登记信息中没有家庭住址，请填写服务地址",
            "Ask for the service address (fieldErrors[address]) and resubmit."),
    TOO_MANY_ACTIVE_TASKS(409, "您进行中的任务已达上限，请先完成或放弃其中一个",
            "Show the volunteer's active tasks (GET /api/mini/volunteer/tasks): finish or release one first."),
    SKILL_MISMATCH(403, "这项任务需要的技能不在您登记的技能中",
            "Drop the task from the list and reload GET /api/mini/volunteer/tasks/nearby."),
    NOT_YOUR_STEP(403, "这一步不由您的单位操作：派单后由承办单位接单和办理，期限由派单单位调整"),
    OWN_VOLUNTEERS_ONLY(403, "这项任务只对承办单位自己的志愿者发布",
            "Drop the task from the list: it is for the responsible unit's own volunteers."),
    CLAIM_LIMIT_REACHED(429, "您今天认领的任务已达上限，明天再来吧",
            "Show message (it names the day's limit); claims open again at midnight (Asia/Shanghai), Retry-After says "
                    + "in how many seconds. Do not retry before."),
    RELEASE_LIMIT_REACHED(429, "您今天放弃的任务已达上限，今天不能再认领新任务",
            "Show message; the volunteer gave back too many tasks today and may claim again tomorrow (Retry-After, "
                    + "seconds). Tasks they hold can still be started, completed or released.");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    TicketError(int httpStatus, String message) {
        this(httpStatus, message, null);
    }

    TicketError(int httpStatus, String message, String clientAction) {
        this.httpStatus = httpStatus;
        this.message = message;
        this.clientAction = clientAction;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public String clientAction() {
        return clientAction != null ? clientAction : ErrorCode.defaultAction(httpStatus);
    }
}
