package org.qingnuan.dispatch;

import org.qingnuan.api.error.ErrorCode;

public enum DispatchError implements ErrorCode {
    UNIT_NOT_IN_JURISDICTION(400, "只能派给本辖区内的单位"),
    DEADLINE_IN_PAST(400, "完成期限必须晚于现在"),
    NOT_THE_UNIT(403, "这件求助没有派给您的单位，不能以承办单位身份操作"),
    NOT_ACCEPTED_BY_UNIT(409, "承办单位还没有接单，请先接单"),
    NOT_THE_DISPATCHER(403, "只有派单单位（或其上级）可以调整期限"),
    TAKEOVER_NOT_POSSIBLE(409, "这件求助现在不能申请转办"),
    TAKEOVER_NOT_FOUND(404, "转办申请不存在，或您无权查看"),
    TAKEOVER_DECIDED(409, "这条转办申请已经处理过了"),
    NOT_THE_OWNER(403, "只有当前承办单位或派单单位可以审批转办申请"),
    VOLUNTEER_NOT_AVAILABLE(409, "这位志愿者现在不能接这项任务"),
    NOT_FOR_FOLLOW_UP(409, "这件求助不在回访范围内（只回访已完成、尚未确认的求助）");

    private final int httpStatus;
    private final String message;

    DispatchError(int httpStatus, String message) {
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
