package org.qingnuan.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.volunteer.VolunteerView;
import org.qingnuan.privacy.RevealRequest;
import org.qingnuan.volunteer.ProtectionTraining;
import org.qingnuan.volunteer.Volunteers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "志愿者管理")
@RestController
class VolunteerAdminController {

    private final Volunteers volunteers;
    private final ProtectionTraining training;
    private final org.qingnuan.volunteer.ServiceHoursLedger hours;
    private final org.qingnuan.volunteer.Certificates certificates;

    VolunteerAdminController(Volunteers volunteers, ProtectionTraining training, org.qingnuan.volunteer.ServiceHoursLedger hours,
                             org.qingnuan.volunteer.Certificates certificates) {
        this.certificates = certificates;
        this.hours = hours;
        this.volunteers = volunteers;
        this.training = training;
    }

    @Operation(summary = "本辖区的志愿者（待审核在前），电话和身份证号已脱敏；每人附上岗条件（审核、培训、保险）")
    @GetMapping("/api/admin/volunteers")
    PageView<VolunteerView> list(Volunteers.VolunteerQuery query, @Valid PageQuery paging) {
        return volunteers.list(query, paging);
    }

    @GetMapping("/api/admin/volunteers/{id}")
    VolunteerView get(@PathVariable long id) {
        return volunteers.detail(id);
    }

    @Operation(summary = "志愿者的服务时长明细及合计")
    @GetMapping("/api/admin/volunteers/{id}/hours")
    org.qingnuan.api.volunteer.HoursView hours(@PathVariable long id) {
        volunteers.detail(id);
        return hours.of(id);
    }

    @Operation(summary = "待核实的服务时长：家属 72 小时未确认、系统自动确认的任务（附实际用时），核实后才计入时长和证明")
    @GetMapping("/api/admin/volunteer-hours/pending")
    List<org.qingnuan.volunteer.ServiceHoursLedger.PendingHours> pendingHours() {
        return hours.pending();
    }

    @Operation(summary = "核实通过：计入按规则计算的时长，或填写核实后的小时数")
    @PostMapping("/api/admin/volunteer-hours/{id}/approve")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    org.qingnuan.api.volunteer.HoursView.Entry approveHours(@PathVariable long id,
            @Valid @RequestBody(required = false) org.qingnuan.volunteer.ServiceHoursLedger.ApproveHoursRequest request) {
        return hours.approve(id, request, org.qingnuan.staff.CurrentStaff.require().staffId());
    }

    @Operation(summary = "核实不通过：不计入时长（须填写原因）")
    @PostMapping("/api/admin/volunteer-hours/{id}/reject")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    org.qingnuan.api.volunteer.HoursView.Entry rejectHours(@PathVariable long id,
            @Valid @RequestBody org.qingnuan.volunteer.ServiceHoursLedger.RejectHoursRequest request) {
        return hours.reject(id, request, org.qingnuan.staff.CurrentStaff.require().staffId());
    }

    @Operation(summary = "志愿者的电子志愿服务证明（PDF）")
    @GetMapping(value = "/api/admin/volunteers/{id}/certificate", produces = "application/pdf")
    // it carries the volunteer's full name: for those who handle volunteers, not for viewers
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    org.springframework.http.ResponseEntity<byte[]> certificate(@PathVariable long id) {
        volunteers.detail(id);
        return CertificateDownload.of(certificates.pdfOf(id));
    }

    @Operation(summary = "查看电话和身份证号原文；须填写原因，并记入个人信息查看记录")
    @PostMapping("/api/admin/volunteers/{id}/reveal")
    VolunteerView reveal(@PathVariable long id, @Valid @RequestBody RevealRequest request) {
        return volunteers.reveal(id, request.reason());
    }

    @Operation(summary = "审核通过")
    @PostMapping("/api/admin/volunteers/{id}/approve")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    VolunteerView approve(@PathVariable long id, @Valid @RequestBody Volunteers.Review review) {
        return volunteers.review(id, true, review.note());
    }

    @Operation(summary = "审核不通过（须填写原因，志愿者会看到）")
    @PostMapping("/api/admin/volunteers/{id}/reject")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    VolunteerView reject(@PathVariable long id, @Valid @RequestBody Volunteers.Review review) {
        return volunteers.review(id, false, review.note());
    }

    @Operation(summary = "登记人身意外险（保单号、到期日）；到期后不能认领任务")
    @PutMapping("/api/admin/volunteers/{id}/insurance")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    VolunteerView insurance(@PathVariable long id, @Valid @RequestBody Volunteers.Insurance insurance) {
        return volunteers.recordInsurance(id, insurance);
    }

    @Operation(summary = "防护培训测试题（含答案）")
    @GetMapping("/api/admin/training-questions")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    List<ProtectionTraining.QuestionView> questions() {
        return training.all();
    }

    @PostMapping("/api/admin/training-questions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    ProtectionTraining.QuestionView addQuestion(@Valid @RequestBody ProtectionTraining.QuestionRequest request) {
        return training.add(request);
    }

    @Operation(summary = "停用一道题（已作答的记录保留）")
    @DeleteMapping("/api/admin/training-questions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    void retireQuestion(@PathVariable long id) {
        training.retire(id);
    }
}
