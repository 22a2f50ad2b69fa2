package org.qingnuan.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.volunteer.Certificates;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

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

    /**
     * No {@code produces}: an unknown code is answered by the global handler as the JSON error, whatever image
     * types the caller accepts. A code's image never changes, so it may be cached.
     */
    @Operation(summary = "志愿服务证明的二维码（PNG），内容为该证明的公开查验地址")
    @GetMapping("/api/public/certificates/{code}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable String code) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(certificates.qrPng(code));
    }
}
