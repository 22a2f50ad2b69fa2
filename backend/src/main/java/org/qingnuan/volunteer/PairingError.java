package org.qingnuan.volunteer;

import org.qingnuan.api.error.ErrorCode;

public enum PairingError implements ErrorCode {
    FAMILY_ALREADY_PAIRED(409, "该家庭已有结对帮扶人；如需更换，请先结束原结对"),
    PARTNER_ALREADY_PAIRED(409, "该志愿者已与另一个家庭结对（一对一），请另选或先结束原结对"),
    PARTNER_NOT_APPROVED(409, "该志愿者尚未通过审核，不能结对"),
    PAIRING_NOT_FOUND(404, "结对不存在，或不在您的管辖范围内"),
    PAIRING_ENDED(409, "该结对已结束",
            "Reload GET /api/mini/pairings: the pairing ended and the family is no longer the partner's.");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    PairingError(int httpStatus, String message) {
        this(httpStatus, message, null);
    }

    PairingError(int httpStatus, String message, String clientAction) {
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
