package org.qingnuan.volunteer;

import org.qingnuan.api.volunteer.VolunteerStatus;
import org.qingnuan.api.volunteer.VolunteerView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Seed 003: no training, no duty; no protection, no duty. Each unmet condition is named. */
final class DutyGate {

    private DutyGate() {
    }

    static VolunteerView.DutyGate of(Volunteer v, LocalDate today) {
        List<VolunteerView.Condition> unmet = new ArrayList<>();
        if (v.getStatus() != VolunteerStatus.APPROVED) {
            unmet.add(new VolunteerView.Condition("APPROVAL", v.getStatus() == VolunteerStatus.REJECTED
                    ? "注册未通过审核" + (v.getReviewNote() == null ? "" : "（" + v.getReviewNote() + "）") + "，请联系所属组织"
                    : "注册正在等待所属组织审核"));
        }
        if (v.getTrainingPassedAt() == null) {
            unmet.add(new VolunteerView.Condition("TRAINING", "尚未通过防护培训测试，请先学习课程并完成测试"));
        }
        if (v.getInsuranceUntil() == null) {
            unmet.add(new VolunteerView.Condition("INSURANCE", "尚未登记人身意外险，请联系所属组织办理"));
        } else if (v.getInsuranceUntil().isBefore(today)) {
            unmet.add(new VolunteerView.Condition("INSURANCE", "人身意外险已于 " + v.getInsuranceUntil() + " 到期，请联系所属组织续保"));
        }
        return new VolunteerView.DutyGate(unmet.isEmpty(), unmet);
    }
}
