package org.qingnuan.registry;

import java.math.BigDecimal;
import java.util.List;

/**
 * A medical worker as the staff API shows it. Personal fields are masked (138****1234,
 * 广州市天河区****) unless the view comes from a reveal; {@code idNumber} and {@code notes} are
 * {@code null} in masked views, with {@code hasIdNumber}/{@code hasNotes} telling whether there is one.
 */
public record WorkerView(long id, long orgId, String orgName, long hospitalId, String hospitalName, Long teamId,
                         String teamName, String name, Gender gender, String genderLabel, String position,
                         String frontlineLocation, String homeAddress, String ownPhone, String familyPhone,
                         boolean hasIdNumber, String idNumber, boolean hasNotes, String notes, String pairedVolunteer,
                         boolean aidedHubei, Integer batch, String batchLabel, boolean revealed, int version,
                         java.time.LocalDateTime withdrawnAt, String withdrawReason, FamilyView family) {

    public record FamilyView(long id, String address, BigDecimal latitude, BigDecimal longitude,
                             List<MemberView> members, int version) {
    }

    /** {@code schoolGrade} and {@code healthNote} only in a reveal. */
    public record MemberView(long id, Relation relation, String relationLabel, AgeBand ageBand, String ageBandLabel,
                             boolean elderlyAlone, boolean schoolChild, boolean chronicIllness, boolean pregnant,
                             boolean disabled, String name, String phone, String schoolGrade, String healthNote) {
    }
}
