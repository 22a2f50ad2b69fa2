package org.qingnuan.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.Patterns;

/** Request bodies of the org API. */
public final class OrgRequests {

    private OrgRequests() {
    }

    public record CreateOrgRequest(
            @NotNull(message = "请选择上级组织") @Positive(message = "上级组织编号不正确") Long parentId,
            @NotBlank(message = "请填写组织名称") @Size(max = 64, message = "组织名称最多 64 个字")
            @Pattern(regexp = Patterns.NAME, message = "组织名称只能包含文字、数字、空格和括号") String name,
            @NotNull(message = "请选择组织类型") OrgType type,
            @Size(max = 64, message = "所在地区最多 64 个字")
            @Pattern(regexp = Patterns.NAME, message = "所在地区只能包含文字、数字、空格和括号") String region) {
    }

    public record UpdateOrgRequest(
            @NotBlank(message = "请填写组织名称") @Size(max = 64, message = "组织名称最多 64 个字")
            @Pattern(regexp = Patterns.NAME, message = "组织名称只能包含文字、数字、空格和括号") String name,
            @Size(max = 64, message = "所在地区最多 64 个字")
            @Pattern(regexp = Patterns.NAME, message = "所在地区只能包含文字、数字、空格和括号") String region,
            @NotNull(message = "缺少数据版本号，请刷新后重试") Integer version) {
    }

    /** List filters; {@code parentId} narrows to direct children of an org. */
    public record OrgQuery(OrgType type, @Positive(message = "上级组织编号不正确") Long parentId,
                           @Size(max = 64, message = "关键字最多 64 个字") String keyword) {
    }
}
