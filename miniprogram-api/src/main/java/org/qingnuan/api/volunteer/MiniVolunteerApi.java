package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.error.Failures;
import org.qingnuan.api.error.Throttled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/** The volunteer side of the mini-program. */
@Tag(name = "小程序：志愿者")
@RequestMapping("/api/mini/volunteer")
public interface MiniVolunteerApi {

    @Operation(operationId = "listVolunteerOrganisations", summary = "可选的所属组织（高校团委、区县团委、合作单位）")
    @GetMapping("/organisations")
    List<Organisation> organisations();

    @Operation(operationId = "registerVolunteer", summary = "注册为志愿者（须先绑定经微信验证的手机号），等待工作人员审核",
            description = "失败：PHONE_NOT_VERIFIED（先用 getPhoneNumber 绑定手机号）、ALREADY_REGISTERED。")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping
    @Failures({"PHONE_NOT_VERIFIED", "ORG_NOT_ELIGIBLE", "ALREADY_REGISTERED", "WRITES_THROTTLED"})
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "已创建",
            headers = @Header(name = "Location", description = "新建对象的地址：/api/mini/volunteer/me",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    ResponseEntity<VolunteerView> register(@Valid @RequestBody VolunteerRequests.Register request);

    @Operation(operationId = "getMyVolunteer", summary = "我的志愿者信息、审核状态，以及能否认领任务（逐条列出未满足的条件）")
    @GetMapping("/me")
    @Failures({"NOT_A_VOLUNTEER"})
    VolunteerView me();

    @Operation(operationId = "getTraining", summary = "防护培训课程和本次测试题：从题库随机抽题、随机排序（2 小时内再打开仍是同一组题）；今天的次数用完时不出题",
            description = "attemptsLeft：今天还能提交几次（默认每天 3 次）。答案从不下发，提交后也只告诉答对几题。")
    @GetMapping("/training")
    @Failures({"NOT_A_VOLUNTEER"})
    TrainingView training();

    @Operation(operationId = "submitTrainingQuiz", summary = "提交防护培训测试（按本次抽到的题评分）；达到及格线即为培训合格",
            description = "失败：QUIZ_ATTEMPTS_EXHAUSTED（今天的次数已用完，Retry-After 为到零点的秒数）、QUIZ_NOT_OPENED（题目已过期，重新打开测试）。")
    @PostMapping("/training")
    @Failures({"NOT_A_VOLUNTEER", "QUIZ_UNAVAILABLE", "QUIZ_ATTEMPTS_EXHAUSTED", "QUIZ_NOT_OPENED"})
    TrainingView.Result submitQuiz(@Valid @RequestBody VolunteerRequests.QuizAnswers answers);

    @Operation(operationId = "listNearbyTasks", summary = "附近可认领的任务：符合技能、在服务半径内、由近到远；地址只显示到区")
    @GetMapping("/tasks/nearby")
    @Failures({"NOT_A_VOLUNTEER", "DUTY_GATE_CLOSED"})
    List<TaskView> nearby();

    @Operation(operationId = "listMyTasks", summary = "我认领的进行中的任务（可看到详细地址和电话，每次查看都会记录）")
    @GetMapping("/tasks")
    @Failures({"NOT_A_VOLUNTEER", "DUTY_GATE_CLOSED"})
    List<TaskView> mine();

    @Operation(operationId = "getTask", summary = "一个任务：认领前只显示到区（须是附近可认领的任务），本人认领的进行中任务可看到详细地址和电话（每次查看都会记录）",
            description = "失败：DUTY_GATE_CLOSED；TICKET_NOT_FOUND（任务不存在、已由他人认领、已结束或不在您可认领的范围内，不区分）。")
    @GetMapping("/tasks/{id}")
    @Failures({"NOT_A_VOLUNTEER", "DUTY_GATE_CLOSED", "TICKET_NOT_FOUND"})
    TaskView task(@PathVariable long id);

    @Operation(operationId = "claimTask", summary = "认领任务：只能认领附近列表中可见的任务；多人同时认领只有一人成功，其余收到 409；每人同时最多持有 3 个任务，每天认领、放弃次数有限",
            description = "失败：DUTY_GATE_CLOSED（fieldErrors 逐条说明：审核、培训、保险）、TICKET_NOT_FOUND（不在服务半径内且不是本单位发布给您的任务，与不存在不区分）、"
                    + "TOO_MANY_ACTIVE_TASKS、TICKET_STATE_CONFLICT（已被他人认领）、CLAIM_LIMIT_REACHED / RELEASE_LIMIT_REACHED（今天认领或放弃已达上限，Retry-After 为到零点的秒数）。")
    @Throttled(Throttled.Bucket.CLAIMS)
    @PostMapping("/tasks/{id}/claim")
    @Failures({"NOT_A_VOLUNTEER", "DUTY_GATE_CLOSED", "TICKET_NOT_FOUND", "SKILL_MISMATCH",
            "OWN_VOLUNTEERS_ONLY", "TICKET_STATE_CONFLICT", "TOO_MANY_ACTIVE_TASKS", "CLAIM_LIMIT_REACHED",
            "RELEASE_LIMIT_REACHED", "WRITES_THROTTLED"})
    TaskView claim(@PathVariable long id);

    @Operation(operationId = "releaseTask", summary = "放弃任务（说明原因），任务回到待认领，并通知工作人员")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/tasks/{id}/release")
    @Failures({"NOT_A_VOLUNTEER", "DUTY_GATE_CLOSED", "TICKET_NOT_FOUND", "TICKET_STATE_CONFLICT", "WRITES_THROTTLED"})
    TaskView release(@PathVariable long id, @Valid @RequestBody VolunteerRequests.Release request);

    @Operation(operationId = "startTask", summary = "开始服务")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/tasks/{id}/start")
    @Failures({"NOT_A_VOLUNTEER", "DUTY_GATE_CLOSED", "TICKET_NOT_FOUND", "TICKET_STATE_CONFLICT", "WRITES_THROTTLED"})
    TaskView start(@PathVariable long id);

    @Operation(operationId = "completeTask", summary = "完成服务：填写服务情况、上传照片，等待家属确认",
            description = "服务情况经微信内容安全检测：违规的不予提交（CONTENT_RISKY）；疑似或未能检测的由工作人员审核，家属暂时看不到。"
                    + "照片经微信内容安全检测通过后家属才能看到。")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/tasks/{id}/complete")
    @Failures({"NOT_A_VOLUNTEER", "DUTY_GATE_CLOSED", "TICKET_NOT_FOUND", "TICKET_STATE_CONFLICT",
            "PHOTO_NOT_UPLOADED", "PHOTO_STORAGE_UNAVAILABLE", "CONTENT_RISKY", "WRITES_THROTTLED"})
    TaskView complete(@PathVariable long id, @Valid @RequestBody VolunteerRequests.Complete request);

    @Operation(operationId = "getMyHours", summary = "我的服务时长：每个家属确认的任务按实际服务时间计入（各类别有上限），以及合计")
    @GetMapping("/hours")
    @Failures({"NOT_A_VOLUNTEER"})
    HoursView hours();

    @Operation(operationId = "downloadCertificate", summary = "下载电子志愿服务证明（PDF：姓名、组织、时长、时间段和验证码）",
            description = "还没有确认的服务时长时 NO_HOURS_YET。任何人可用 GET /api/public/certificates/{code} 查验。")
    @GetMapping(value = "/certificate", produces = "application/pdf")
    @Failures({"NOT_A_VOLUNTEER", "NO_HOURS_YET", "CERTIFICATE_FONT_MISSING", "PUBLIC_BASE_URL_MISSING"})
    ResponseEntity<byte[]> certificate();

    @Operation(operationId = "getCertificateVerification", summary = "我当前的电子志愿服务证明：验证码和公开查验地址（与 PDF 上印的二维码一致）",
            description = "与下载 PDF 出具同一份证明（时长未变时沿用原验证码）。还没有确认的服务时长时 NO_HOURS_YET。"
                    + "二维码图片：GET /api/public/certificates/{code}/qr.png（无需登录）。")
    @GetMapping("/certificate/verification")
    @Failures({"NOT_A_VOLUNTEER", "NO_HOURS_YET", "PUBLIC_BASE_URL_MISSING"})
    CertificateView certificateVerification();

    /** An organisation a volunteer may register with. */
    record Organisation(long id, String name, String typeLabel) {
    }
}
