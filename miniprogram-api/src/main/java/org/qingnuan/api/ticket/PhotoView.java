package org.qingnuan.api.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A photo as its uploader (or staff) sees it: every photo goes through WeChat's content check before others see
 * it. The uploader sees their own photos at once, marked 审核中 until the check passed; a photo WeChat called
 * risky is not shown at all.
 */
public record PhotoView(
        @Schema(description = "照片的临时访问地址（10 分钟内有效）") String url,
        @Schema(description = "PASS 已通过（所有人可见）；PENDING 审核中（仅上传者和工作人员可见）", example = "PENDING")
        String status,
        @Schema(description = "状态的中文：已通过、审核中", example = "审核中") String statusLabel,
        @Schema(description = "审核记录编号（仅工作人员接口给出，用于“通过”“隐藏”）") Long checkId) {
}
