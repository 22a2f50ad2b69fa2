package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/** Help requests from the family's side of the mini-program. */
@Tag(name = "小程序：求助")
@RequestMapping("/api/mini")
public interface MiniTicketApi {

    @Operation(summary = "提交求助",
            description = "必须带 Idempotency-Key（每次新的求助生成一个 UUID，重试时用同一个）：重试返回同一结果；"
                    + "同一个 key 提交不同内容返回 422 IDEMPOTENCY_KEY_REUSED。文字先经微信内容安全检测：违规（CONTENT_RISKY）不保存，"
                    + "疑似的等待工作人员审核。")
    @PostMapping("/tickets")
    ResponseEntity<TicketView> submit(
            @Parameter(description = "幂等键，8–64 位字母数字或 -", required = true)
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody SubmitTicketRequest request);

    @Operation(summary = "我的求助（我提交的，以及我所绑定家庭的），新的在前")
    @GetMapping("/tickets")
    PageView<TicketView> mine(@Valid PageQuery paging);

    @Operation(summary = "求助详情和处理经过")
    @GetMapping("/tickets/{id}")
    TicketView get(@PathVariable long id);

    @Operation(summary = "取消求助（志愿者开始服务前）")
    @PostMapping("/tickets/{id}/cancel")
    TicketView cancel(@PathVariable long id, @Valid @RequestBody TicketRequests.Cancel request);

    @Operation(summary = "确认完成并评价（1–5 星）；72 小时未确认的自动确认")
    @PostMapping("/tickets/{id}/confirm")
    TicketView confirm(@PathVariable long id, @Valid @RequestBody TicketRequests.Confirm request);

    @Operation(summary = "申请上传一张照片：返回 OSS 直传地址和表单字段（5 分钟内有效），上传后把 key 放进 photoKeys")
    @PostMapping("/uploads/policy")
    UploadPolicyView uploadPolicy(@Valid @RequestBody TicketRequests.UploadPolicyRequest request);
}
