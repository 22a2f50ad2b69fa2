package org.qingnuan.volunteer;

import org.qingnuan.api.error.ErrorCode;

public enum VolunteerError implements ErrorCode {
    PHONE_NOT_VERIFIED(400, "请先在“我的”中用微信授权手机号，再注册志愿者",
            "Lead the user to bind a phone with getPhoneNumber (POST /api/mini/me/phone), then register."),
    ALREADY_REGISTERED(409, "您已注册过志愿者",
            "Show GET /api/mini/volunteer/me instead of the registration form."),
    NOT_A_VOLUNTEER(403, "您还不是志愿者，请先注册",
            "Offer the volunteer registration (POST /api/mini/volunteer)."),
    ORG_NOT_ELIGIBLE(400, "请选择高校团委、区县团委或合作单位",
            "Reload GET /api/mini/volunteer/organisations and let the user pick again."),
    VOLUNTEER_NOT_FOUND(404, "志愿者不存在，或不在您的管辖范围内"),
    DUTY_GATE_CLOSED(403, "您暂时不能认领任务，请先完成以下事项",
            "Show each fieldErrors entry (field APPROVAL, TRAINING or INSURANCE, with its message); for "
                    + "TRAINING open GET /api/mini/volunteer/training."),
    QUIZ_UNAVAILABLE(409, "防护培训测试题尚未准备好，请联系团委工作人员",
            "Show message; staff must add quiz questions first. Retrying now does not help."),
    QUIZ_ATTEMPTS_EXHAUSTED(429, "今天的测试次数已用完，请再看看课程，明天再试",
            "Show message; the day's attempts are used up (Retry-After: seconds until midnight, Asia/Shanghai). Keep "
                    + "the course readable; do not retry before."),
    QUIZ_NOT_OPENED(409, "测试题已更新，请重新作答",
            "The drawn questions expired or were never drawn: reload GET /api/mini/volunteer/training and let the user "
                    + "answer the new questions."),
    REVIEW_CONFLICT(409, "该志愿者已审核，请刷新后查看"),
    NO_HOURS_YET(409, "还没有经家属确认或工作人员核实的服务时长，暂时不能出具志愿服务证明",
            "Hide the certificate button until GET /api/mini/volunteer/hours shows counted hours (totalHours > 0)."),
    HOURS_ALREADY_REVIEWED(409, "这条服务时长已经核实过，请刷新后查看"),
    CERTIFICATE_FONT_MISSING(503, "服务器缺少中文字体，暂时无法生成证明；请管理员安装 fonts-wqy-microhei",
            "Show message; an administrator must install a CJK font. Retrying does not help."),
    PUBLIC_BASE_URL_MISSING(503, "服务器未配置公开访问地址，暂时无法出具证明；请管理员设置 QN_PUBLIC_BASE_URL",
            "Show message; an administrator must set QN_PUBLIC_BASE_URL. Retrying does not help.");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    VolunteerError(int httpStatus, String message) {
        this(httpStatus, message, null);
    }

    VolunteerError(int httpStatus, String message, String clientAction) {
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
