package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.List;

/** The volunteer side of the mini-program. */
@Tag(name = "小程序：志愿者")
@RequestMapping("/api/mini/volunteer")
public interface MiniVolunteerApi {

    @Operation(summary = "可选的所属组织（高校团委、区县团委、合作单位）")
    @GetMapping("/organisations")
    List<Organisation> organisations();

    @Operation(summary = "注册为志愿者（须先绑定经微信验证的手机号），等待工作人员审核",
            description = "失败：PHONE_NOT_VERIFIED（先用 getPhoneNumber 绑定手机号）、ALREADY_REGISTERED。")
    @PostMapping
    ResponseEntity<VolunteerView> register(@Valid @RequestBody VolunteerRequests.Register request);

    @Operation(summary = "我的志愿者信息、审核状态，以及能否认领任务（逐条列出未满足的条件）")
    @GetMapping("/me")
    VolunteerView me();

    @Operation(summary = "防护培训课程和测试题")
    @GetMapping("/training")
    TrainingView training();

    @Operation(summary = "提交防护培训测试；达到及格线即为培训合格")
    @PostMapping("/training")
    TrainingView.Result submitQuiz(@Valid @RequestBody VolunteerRequests.QuizAnswers answers);

    @Operation(summary = "附近可认领的任务：符合技能、在服务半径内、由近到远；地址只显示到区")
    @GetMapping("/tasks/nearby")
    List<TaskView> nearby();

    @Operation(summary = "我认领的进行中的任务（可看到详细地址和电话，每次查看都会记录）")
    @GetMapping("/tasks")
    List<TaskView> mine();

    @Operation(summary = "一个任务：认领前只显示到区（须是附近可认领的任务），本人认领的进行中任务可看到详细地址和电话（每次查看都会记录）",
            description = "失败：DUTY_GATE_CLOSED；TICKET_NOT_FOUND（任务不存在、已由他人认领、已结束或不在您可认领的范围内，不区分）。")
    @GetMapping("/tasks/{id}")
    TaskView task(@PathVariable long id);

    @Operation(summary = "认领任务：多人同时认领只有一人成功，其余收到 409；每人同时最多持有 3 个任务",
            description = "失败：DUTY_GATE_CLOSED（fieldErrors 逐条说明：审核、培训、保险）、TOO_MANY_ACTIVE_TASKS、TICKET_STATE_CONFLICT（已被他人认领）。")
    @PostMapping("/tasks/{id}/claim")
    TaskView claim(@PathVariable long id);

    @Operation(summary = "放弃任务（说明原因），任务回到待认领，并通知工作人员")
    @PostMapping("/tasks/{id}/release")
    TaskView release(@PathVariable long id, @Valid @RequestBody VolunteerRequests.Release request);

    @Operation(summary = "开始服务")
    @PostMapping("/tasks/{id}/start")
    TaskView start(@PathVariable long id);

    @Operation(summary = "完成服务：填写服务情况、上传照片，等待家属确认")
    @PostMapping("/tasks/{id}/complete")
    TaskView complete(@PathVariable long id, @Valid @RequestBody VolunteerRequests.Complete request);

    @Operation(summary = "我的服务时长：每个家属确认的任务按实际服务时间计入（各类别有上限），以及合计")
    @GetMapping("/hours")
    HoursView hours();

    @Operation(summary = "下载电子志愿服务证明（PDF：姓名、组织、时长、时间段和验证码）",
            description = "还没有确认的服务时长时 NO_HOURS_YET。任何人可用 GET /api/public/certificates/{code} 查验。")
    @GetMapping(value = "/certificate", produces = "application/pdf")
    ResponseEntity<byte[]> certificate();

    @Operation(summary = "我当前的电子志愿服务证明：验证码和公开查验地址（与 PDF 上印的二维码一致）",
            description = "与下载 PDF 出具同一份证明（时长未变时沿用原验证码）。还没有确认的服务时长时 NO_HOURS_YET。"
                    + "二维码图片：GET /api/public/certificates/{code}/qr.png（无需登录）。")
    @GetMapping("/certificate/verification")
    CertificateView certificateVerification();

    /** An organisation a volunteer may register with. */
    record Organisation(long id, String name, String typeLabel) {
    }
}
