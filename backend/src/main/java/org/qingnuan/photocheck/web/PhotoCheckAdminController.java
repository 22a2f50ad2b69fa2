package org.qingnuan.photocheck.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.api.ticket.PhotoView;
import org.qingnuan.photocheck.PhotoChecks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff decide photos WeChat has not judged (审核中, 待人工审核). Acting roles only (VIEWER reads, decision 10). */
@Tag(name = "照片审核")
@RestController
@RequestMapping("/api/admin/photo-checks")
class PhotoCheckAdminController {

    private final PhotoChecks checks;

    PhotoCheckAdminController(PhotoChecks checks) {
        this.checks = checks;
    }

    @Operation(summary = "通过：审核中或待人工审核的照片对志愿者、家属和小程序读者可见")
    @PostMapping("/{id}/pass")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    PhotoView pass(@PathVariable long id) {
        return checks.decide(id, true);
    }

    @Operation(summary = "隐藏：审核中或待人工审核的照片只对工作人员可见（按违规处理）")
    @PostMapping("/{id}/hide")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    PhotoView hide(@PathVariable long id) {
        return checks.decide(id, false);
    }
}
