package org.qingnuan.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingnuan.volunteer.Certificates;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
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

    /**
     * One address for people and programs. The QR code on the printout and the link typed from it are opened in a
     * browser, which asks for {@code text/html}: it gets a plain Chinese page — genuine or not, and what the
     * certificate says (the name shortened), nothing more. Anything else (the mini-program's request, which accepts
     * {@code *}{@code /*}, a script) gets the JSON. Decided by the Accept header itself rather than by two mappings
     * with different {@code produces}, where {@code *}{@code /*} would pick the page.
     */
    @Operation(summary = "按验证码查验志愿服务证明：姓名（部分隐藏）、组织、时长（其中家属确认的小时数）、时间段、出具日期；"
            + "浏览器打开（Accept 含 text/html）时为中文页面，显示证明是否真实")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Certificates.Verification.class)),
            @Content(mediaType = "text/html")})
    @GetMapping("/api/public/certificates/{code}")
    ResponseEntity<?> verify(@PathVariable String code,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(certificates.verify(code));
        }
        try {
            return ResponseEntity.ok().contentType(HTML).body(CertificatePage.genuine(certificates.verify(code)));
        } catch (org.qingnuan.shared.error.DomainException unknown) {
            return ResponseEntity.status(404).contentType(HTML).body(CertificatePage.unknown(code));
        }
    }

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

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
