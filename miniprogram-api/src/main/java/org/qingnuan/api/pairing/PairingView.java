package org.qingnuan.api.pairing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDateTime;
import java.util.List;

/** A pairing as its partner sees it in the mini-program: the family, in clear (each view is logged). */
public record PairingView(long id, long familyId,
                          @Schema(description = "如“王*医生的家庭”") String familyLabel,
                          String district, String address, String contactPhone,
                          @Schema(description = "家庭成员：关系、年龄段、需要关注的情况") List<Member> members,
                          LocalDateTime pairedAt, List<CheckInView> recentCheckIns) {

    public record Member(String relation, String ageBand, List<String> needs) {
    }
}
