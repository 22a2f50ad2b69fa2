package org.qingnuan.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.Patterns;

import java.util.Set;

/** Request bodies of the sign-in and staff account APIs. */
public final class StaffRequests {

    private StaffRequests() {
    }

    public record LoginRequest(
            @NotBlank(message = "请输入用户名") @Size(max = 32, message = "用户名最多 32 个字符") String username,
            @NotBlank(message = "请输入密码") @Size(max = 64, message = "密码最多 64 个字符") String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    public record CreateStaffRequest(
            @NotNull(message = "请选择所属组织") @Positive(message = "组织编号不正确") Long orgId,
            @NotBlank(message = "请填写用户名") @Size(min = 3, max = 32, message = "用户名为 3–32 个字符")
            @Pattern(regexp = Patterns.USERNAME, message = "用户名以字母开头，只能包含字母、数字和 . _ -") String username,
            @NotBlank(message = "请填写姓名") @Size(max = 32, message = "姓名最多 32 个字")
            @Pattern(regexp = Patterns.NAME, message = "姓名只能包含文字、数字和空格") String displayName,
            @NotBlank(message = "请设置初始密码") @Size(min = 10, max = 64, message = "密码为 10–64 个字符") String password,
            @NotEmpty(message = "请至少选择一个角色") Set<@NotNull(message = "角色不能为空") StaffRole> roles) {

        @Override
        public String toString() {
            return "CreateStaffRequest[orgId=" + orgId + ", username=" + username + ", roles=" + roles + "]";
        }
    }

    public record UpdateStaffRequest(
            @NotBlank(message = "请填写姓名") @Size(max = 32, message = "姓名最多 32 个字")
            @Pattern(regexp = Patterns.NAME, message = "姓名只能包含文字、数字和空格") String displayName,
            @NotEmpty(message = "请至少选择一个角色") Set<@NotNull(message = "角色不能为空") StaffRole> roles,
            @NotNull(message = "缺少数据版本号，请刷新后重试") Integer version) {
    }

    public record ResetPasswordRequest(
            @NotBlank(message = "请设置新密码") @Size(min = 10, max = 64, message = "密码为 10–64 个字符") String newPassword) {

        @Override
        public String toString() {
            return "ResetPasswordRequest[***]";
        }
    }

    public record ChangePasswordRequest(
            @NotBlank(message = "请输入当前密码") @Size(max = 64, message = "密码最多 64 个字符") String currentPassword,
            @NotBlank(message = "请设置新密码") @Size(min = 10, max = 64, message = "新密码为 10–64 个字符") String newPassword) {

        @Override
        public String toString() {
            return "ChangePasswordRequest[***]";
        }
    }

    /** List filters; {@code orgId} narrows to that org (and, by default, the orgs below it). */
    public record StaffQuery(@Positive(message = "组织编号不正确") Long orgId, Boolean includeSubOrgs, StaffRole role,
                             Boolean enabled, @Size(max = 32, message = "关键字最多 32 个字") String keyword) {
    }
}
