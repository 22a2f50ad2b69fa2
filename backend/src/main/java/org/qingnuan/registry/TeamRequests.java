package org.qingnuan.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.Patterns;
import org.qingnuan.privacy.Phones;

import java.time.LocalDate;
import java.util.List;

public final class TeamRequests {

    private TeamRequests() {
    }

    public record SaveTeamRequest(
            @NotBlank(message = "请填写医疗队名称") @Size(max = 64, message = "医疗队名称最多 64 个字")
            @Pattern(regexp = Patterns.NAME, message = "医疗队名称只能包含文字、数字、空格和括号") String name,
            @NotBlank(message = "请填写派驻地，如：湖北武汉") @Size(max = 64, message = "派驻地最多 64 个字")
            @Pattern(regexp = Patterns.NAME, message = "派驻地只能包含文字、数字、空格和括号") String destination,
            Boolean aidingHubei,
            @Min(value = 1, message = "批次从 1 开始") @Max(value = 99, message = "批次最大为 99") Integer batch,
            LocalDate departureDate,
            LocalDate returnDate,
            @NotNull(message = "请选择医疗队状态") TeamStatus status,
            @Positive(message = "组织编号不正确") Long orgId,
            @Size(max = 20, message = "最多关联 20 家医院") List<@NotNull @Positive Long> hospitalIds,
            @Size(max = 10, message = "最多 10 位领队和联络员") List<@Valid @NotNull ContactInput> contacts,
            Integer version) {
    }

    public record ContactInput(
            @NotNull(message = "请选择领队或联络员") ContactRole role,
            @NotBlank(message = "请填写姓名") @Size(max = 32, message = "姓名最多 32 个字")
            @Pattern(regexp = Patterns.NAME, message = "姓名只能包含文字") String name,
            @NotBlank(message = "请填写联系电话")
            @Pattern(regexp = Phones.PATTERN, message = "请填写 11 位手机号或带区号的固定电话") String phone) {

        @Override
        public String toString() {
            return "ContactInput[role=" + role + "]";
        }
    }

    public record TeamQuery(@Size(max = 64, message = "关键字最多 64 个字") String keyword, TeamStatus status,
                            Boolean aidingHubei, Integer batch) {
    }
}
