package org.qingnuan.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.volunteer.Certificates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Anyone holding a printed certificate can check it; no sign-in. */
@Tag(name = "公开：志愿服务证明查验")
@RestController
class CertificateVerificationController {

    private final Certificates certificates;

    CertificateVerificationController(Certificates certificates) {
        this.certificates = certificates;
    }

    @Operation(summary = "按验证码查验志愿服务证明：姓名（部分隐藏）、组织、时长、时间段、出具日期")
    @GetMapping("/api/public/certificates/{code}")
    Certificates.Verification verify(@PathVariable String code) {
        return certificates.verify(code);
    }
}
