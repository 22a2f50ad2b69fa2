package org.qingnuan.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.Patterns;
import org.qingnuan.api.validation.PlainText;
import org.qingnuan.privacy.Phones;

import java.math.BigDecimal;
import java.util.List;

public final class WorkerRequests {

    /** 18-digit resident ID (last may be X) or the old 15-digit form. */
    public static final String ID_NUMBER = "^(\\d{17}[\\dXx]|\\d{15})$";

    private WorkerRequests() {
    }

    /** The fields of seed 003 annex 2, plus team, Hubei and batch. */
    public record SaveWorkerRequest(
            @NotNull(message = "请选择医院") @Positive(message = "医院编号不正确") Long hospitalId,
            @Positive(message = "医疗队编号不正确") Long teamId,
            @Positive(message = "组织编号不正确") Long orgId,
            @NotBlank(message = "请填写姓名") @Size(max = 32, message = "姓名最多 32 个字")
            @Pattern(regexp = Patterns.NAME, message = "姓名只能包含文字") String name,
            @NotNull(message = "请选择性别") Gender gender,
            @Size(max = 32, message = "职务最多 32 个字") @PlainText String position,
            @Size(max = 128, message = "一线工作地点最多 128 个字") @PlainText String frontlineLocation,
            @Size(max = 200, message = "家庭地址最多 200 个字") @PlainText String homeAddress,
            @NotBlank(message = "请填写本人联系电话")
            @Pattern(regexp = Phones.PATTERN, message = "请填写 11 位手机号或带区号的固定电话") String ownPhone,
            @Pattern(regexp = Phones.PATTERN, message = "请填写 11 位手机号或带区号的固定电话") String familyPhone,
            @Pattern(regexp = ID_NUMBER, message = "身份证号应为 18 位") String idNumber,
            @Size(max = 32, message = "结对志愿者最多 32 个字") @PlainText String pairedVolunteer,
            @Size(max = 500, message = "备注最多 500 个字") @PlainText String notes,
            @NotNull(message = "请选择是否支援湖北") Boolean aidedHubei,
            @NotNull(message = "请选择批次")
            @Min(value = 1, message = "批次从 1 开始") @Max(value = 99, message = "批次最大为 99") Integer batch,
            Integer version) {

        @Override
        public String toString() {
            return "SaveWorkerRequest[hospitalId=" + hospitalId + ", teamId=" + teamId + ", orgId=" + orgId + "]";
        }
    }

    public record WorkerQuery(@Positive(message = "组织编号不正确") Long orgId, Long hospitalId, Long teamId,
                              Boolean aidedHubei, Integer batch,
                              @Size(max = 32, message = "关键字最多 32 个字") String keyword,
                              @Size(max = 20, message = "电话最多 20 位") String phone,
                              @Pattern(regexp = "ACTIVE|WITHDRAWN|ALL", message = "状态应为 ACTIVE、WITHDRAWN 或 ALL") String status) {

        public WorkerQuery(Long orgId, Long hospitalId, Long teamId, Boolean aidedHubei, Integer batch, String keyword,
                           String phone) {
            this(orgId, hospitalId, teamId, aidedHubei, batch, keyword, phone, null);
        }

        @Override
        public String toString() {
            return "WorkerQuery[orgId=" + orgId + ", hospitalId=" + hospitalId + "]";
        }
    }

    /** Why a worker is withdrawn, restored or deleted; kept in the audit log. */
    public record ReasonRequest(
            @NotBlank(message = "请填写原因") @Size(min = 2, max = 200, message = "原因为 2–200 个字") @PlainText String reason) {
    }

    public record SaveFamilyRequest(
            @Size(max = 200, message = "家庭地址最多 200 个字") @PlainText String address,
            @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间") @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") BigDecimal latitude,
            @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间") @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") BigDecimal longitude,
            @Size(max = 12, message = "最多登记 12 位家庭成员") List<@Valid @NotNull MemberInput> members,
            @NotNull(message = "缺少数据版本号，请刷新后重试") Integer version) {

        @Override
        public String toString() {
            return "SaveFamilyRequest[members=" + (members == null ? 0 : members.size()) + "]";
        }
    }

    public record MemberInput(
            @NotNull(message = "请选择与医护人员的关系") Relation relation,
            @NotNull(message = "请选择年龄段") AgeBand ageBand,
            Boolean elderlyAlone, Boolean schoolChild, Boolean chronicIllness, Boolean pregnant, Boolean disabled,
            @Size(max = 32, message = "姓名最多 32 个字") @Pattern(regexp = Patterns.NAME, message = "姓名只能包含文字") String name,
            @Pattern(regexp = Phones.PATTERN, message = "请填写 11 位手机号或带区号的固定电话") String phone,
            @Size(max = 16, message = "年级最多 16 个字") @PlainText String schoolGrade,
            @Size(max = 200, message = "健康情况最多 200 个字") @PlainText String healthNote) {

        @Override
        public String toString() {
            return "MemberInput[relation=" + relation + ", ageBand=" + ageBand + "]";
        }
    }
}
