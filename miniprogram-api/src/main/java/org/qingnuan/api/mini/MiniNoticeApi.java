package org.qingnuan.api.mini;

import org.qingnuan.api.error.Failures;
import org.qingnuan.api.error.Throttled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/** Subscribe messages: we send one only against a consent the user gave in wx.requestSubscribeMessage. */
@Tag(name = "小程序：订阅消息")
@RequestMapping("/api/mini")
public interface MiniNoticeApi {

    @Operation(operationId = "listSubscriptionTemplates", summary = "订阅消息模板：id 和用途（调用 wx.requestSubscribeMessage 时用）")
    @GetMapping("/subscriptions/templates")
    java.util.List<MiniUserView.Template> templates();

    @Operation(operationId = "recordSubscriptionConsents", summary = "记录用户在 wx.requestSubscribeMessage 中点了“允许”的模板；每次允许可收到一条通知")
    @Failures({"WRITES_THROTTLED"})
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/me/subscriptions")
    MiniUserView.Consents recordConsents(@Valid @RequestBody MiniRequests.Consents request);
}
