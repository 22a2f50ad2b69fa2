package org.qingnuan.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.qingnuan.api.validation.Patterns;

public final class HospitalRequests {

    private HospitalRequests() {
    }

    /**
     * @param orgId responsible league; when absent the seed-000 rule decides (ministry- and
     *              province-run: the province league; city- and county-run: the city league of {@code city})
     */
    public record SaveHospitalRequest(
            @NotBlank(message = "请填写医院名称") @Size(max = 64, message = "医院名称最多 64 个字")
            @Pattern(regexp = Patterns.NAME, message = "医院名称只能包含文字、数字、空格和括号") String name,
            @NotBlank(message = "请填写所在城市，如：广州市") @Size(max = 32, message = "城市最多 32 个字")
            @Pattern(regexp = Patterns.NAME, message = "城市只能包含文字") String city,
            @Size(max = 32, message = "区县最多 32 个字") @Pattern(regexp = Patterns.NAME, message = "区县只能包含文字") String district,
            @NotNull(message = "请选择医院隶属层级") HospitalLevel level,
            Boolean designated,
            @Positive(message = "组织编号不正确") Long orgId,
            Integer version) {
    }

    public record HospitalQuery(@Size(max = 64, message = "关键字最多 64 个字") String keyword, HospitalLevel level,
                                @Size(max = 32, message = "城市最多 32 个字") String city, Boolean designated) {
    }
}
