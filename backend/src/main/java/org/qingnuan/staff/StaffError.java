package org.qingnuan.staff;

import org.qingnuan.api.error.ErrorCode;

public enum StaffError implements ErrorCode {
    BAD_CREDENTIALS(401, "用户名或密码错误"),
    ACCOUNT_LOCKED(401, "密码连续输错次数过多，已暂停从此网络登录，请稍后再试，或请管理员重置密码"),
    ACCOUNT_DISABLED(401, "账号已停用，请联系上级管理员"),
    LOGIN_RATE_LIMITED(429, "此网络的登录失败次数过多，请稍后再试"),
    PASSWORD_CHANGE_REQUIRED(403, "密码已被管理员重置，请先修改密码"),
    CURRENT_PASSWORD_WRONG(400, "当前密码不正确"),
    STAFF_NOT_FOUND(404, "账号不存在，或不在您的管辖范围内"),
    USERNAME_TAKEN(409, "用户名已被使用，请换一个"),
    ROLE_NOT_GRANTABLE(403, "只有超级管理员可以授予或管理超级管理员账号"),
    CANNOT_CHANGE_SELF(409, "不能停用自己或修改自己的角色，请联系其他管理员");

    private final int httpStatus;
    private final String message;

    StaffError(int httpStatus, String message) {
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
