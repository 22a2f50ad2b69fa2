package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.error.Failures;
import org.qingnuan.api.error.Throttled;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Help requests from the family's side of the mini-program. */
@Tag(name = "小程序：求助")
@RequestMapping("/api/mini")
public interface MiniTicketApi {

    @Operation(operationId = "submitTicket", summary = "提交求助",
            description = "必须带 Idempotency-Key（每次新的求助生成一个 UUID，重试时用同一个）：重试返回同一结果；"
                    + "同一个 key 提交不同内容返回 422 IDEMPOTENCY_KEY_REUSED。提交后文字随即经微信内容安全检测（不必等待）："
                    + "通过前志愿者看不到；疑似或违规的由工作人员审核（underReview）。")
    @Throttled(Throttled.Bucket.SUBMISSIONS)
    @PostMapping("/tickets")
    @Failures({"IDEMPOTENCY_KEY_REQUIRED", "IDEMPOTENCY_KEY_REUSED", "NOT_YOUR_FAMILY", "FAMILY_NOT_FOUND",
            "FAMILY_ADDRESS_MISSING", "PHOTO_NOT_UPLOADED", "PHOTO_STORAGE_UNAVAILABLE", "WRITES_THROTTLED"})
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "已创建",
            headers = {@Header(name = "Location", description = "新建对象的地址：/api/mini/tickets/{id}",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
                    @Header(name = "Idempotent-Replayed", description = "true：同一个 Idempotency-Key 的重试，返回的是第一次提交的求助",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "boolean"))})
    ResponseEntity<MiniTicketView> submit(
            @Parameter(description = "幂等键，8–64 位字母数字或 -", required = true)
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody SubmitTicketRequest request);

    @Operation(operationId = "listMyTickets", summary = "我的求助（我提交的，以及我所绑定家庭的），新的在前")
    @GetMapping("/tickets")
    PageView<MiniTicketView> mine(@Valid PageQuery paging);

    @Operation(operationId = "getTicket", summary = "求助详情和处理经过")
    @GetMapping("/tickets/{id}")
    @Failures({"TICKET_NOT_FOUND"})
    MiniTicketView get(@PathVariable long id);

    @Operation(operationId = "cancelTicket", summary = "取消求助（志愿者开始服务前）")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/tickets/{id}/cancel")
    @Failures({"TICKET_NOT_FOUND", "TICKET_STATE_CONFLICT", "WRITES_THROTTLED"})
    MiniTicketView cancel(@PathVariable long id, @Valid @RequestBody TicketRequests.Cancel request);

    @Operation(operationId = "confirmTicket", summary = "确认完成并评价（1–5 星）；72 小时未确认的自动确认")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/tickets/{id}/confirm")
    @Failures({"TICKET_NOT_FOUND", "TICKET_STATE_CONFLICT", "CONTENT_RISKY", "WRITES_THROTTLED"})
    MiniTicketView confirm(@PathVariable long id, @Valid @RequestBody TicketRequests.Confirm request);

    @Operation(operationId = "createUploadPolicy", summary = "申请上传一张照片：返回 OSS 直传地址和表单字段（5 分钟内有效），上传后把 key 放进 photoKeys")
    @Throttled(Throttled.Bucket.UPLOADS)
    @PostMapping("/uploads/policy")
    @Failures({"PHOTO_STORAGE_UNAVAILABLE", "WRITES_THROTTLED"})
    UploadPolicyView uploadPolicy(@Valid @RequestBody TicketRequests.UploadPolicyRequest request);
}
