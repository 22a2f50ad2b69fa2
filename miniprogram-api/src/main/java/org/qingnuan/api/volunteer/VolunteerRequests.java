package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.Patterns;
import org.qingnuan.api.validation.PlainText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies of the volunteer side. */
public final class VolunteerRequests {

    private VolunteerRequests() {
    }

    /** Registration; the phone is the one WeChat verified (bind it first with /api/mini/me/phone). */
    public record Register(
            @NotBlank(message = "请填写真实姓名") @Size(max = 32, message = "姓名最多 32 个字")
            @Pattern(regexp = Patterns.NAME, message = "姓名含有不支持的字符") String name,
            @Schema(description = "居民身份证号，加密保存")
            @NotBlank(message = "请填写身份证号")
            @Pattern(regexp = "^\\d{17}[\\dXx]$", message = "请填写 18 位身份证号") String idNumber,
            @Schema(description = "所属组织：高校团委、区县团委或合作单位的编号（见 /api/mini/volunteer/organisations）")
            @NotNull(message = "请选择所属组织") Long orgId,
            @NotEmpty(message = "请至少选择一项技能") Set<Skill> skills,
            @Schema(description = "技能说明：车型、可辅导的科目和年级、心理咨询证书编号等")
            @Size(max = 500, message = "技能说明最多 500 个字") @PlainText String skillNotes,
            @NotNull(message = "请在地图上选择常住位置")
            @DecimalMin(value = "3.0", message = "纬度不在国内范围") @DecimalMax(value = "54.0", message = "纬度不在国内范围") BigDecimal latitude,
            @NotNull(message = "请在地图上选择常住位置")
            @DecimalMin(value = "73.0", message = "经度不在国内范围") @DecimalMax(value = "136.0", message = "经度不在国内范围") BigDecimal longitude,
            @NotNull(message = "请选择服务半径") @Min(value = 1, message = "服务半径至少 1 公里")
            @Max(value = 50, message = "服务半径最多 50 公里") Integer radiusKm,
            @Schema(description = "可服务时间，如“工作日晚上、周末全天”")
            @Size(max = 200, message = "可服务时间最多 200 个字") @PlainText String availability) {
    }

    /** Answers of the protection quiz: question id → index of the chosen choice. */
    public record QuizAnswers(@NotEmpty(message = "请作答") Map<Long, Integer> answers) {
    }

    public record Release(@NotBlank(message = "请说明放弃的原因，工作人员会重新安排")
                          @Size(max = 200, message = "原因最多 200 个字") @PlainText String reason) {
    }

    public record Complete(@NotBlank(message = "请填写服务情况")
                           @Size(max = 500, message = "服务情况最多 500 个字") @PlainText String note,
                           @Schema(description = "服务照片的对象键（先调 /api/mini/uploads/policy 上传），最多 9 张")
                           @Size(max = 9, message = "最多上传 9 张照片") List<@NotBlank @Size(max = 200) String> photoKeys) {
    }
}
