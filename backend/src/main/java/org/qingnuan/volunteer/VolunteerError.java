package org.qingnuan.volunteer;

import org.qingnuan.api.error.ErrorCode;

public enum VolunteerError implements ErrorCode {
    PHONE_NOT_VERIFIED(400, "请先在“我的”中用微信授权手机号，再注册志愿者"),
    ALREADY_REGISTERED(409, "您已注册过志愿者"),
    NOT_A_VOLUNTEER(403, "您还不是志愿者，请先注册"),
    ORG_NOT_ELIGIBLE(400, "请选择高校团委、区县团委或合作单位"),
    VOLUNTEER_NOT_FOUND(404, "志愿者不存在，或不在您的管辖范围内"),
    DUTY_GATE_CLOSED(403, "您暂时不能认领任务，请先完成以下事项"),
    QUIZ_UNAVAILABLE(409, "防护培训测试题尚未准备好，请联系团委工作人员"),
    REVIEW_CONFLICT(409, "该志愿者已审核，请刷新后查看"),
    NO_HOURS_YET(409, "还没有经家属确认的服务时长，暂时不能出具志愿服务证明"),
    CERTIFICATE_FONT_MISSING(503, "服务器缺少中文字体，暂时无法生成证明；请管理员安装 fonts-wqy-microhei"),
    PUBLIC_BASE_URL_MISSING(503, "服务器未配置公开访问地址，暂时无法出具证明；请管理员设置 QN_PUBLIC_BASE_URL");

    private final int httpStatus;
    private final String message;

    VolunteerError(int httpStatus, String message) {
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
