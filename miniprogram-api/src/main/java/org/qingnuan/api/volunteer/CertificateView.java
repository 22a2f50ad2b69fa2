package org.qingnuan.api.volunteer;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The volunteer's current certificate, as printed on its PDF: the code anyone can check, and the
 * absolute public address its QR code holds. The QR code itself is a PNG at
 * {@code GET /api/public/certificates/{code}/qr.png}.
 */
public record CertificateView(@Schema(description = "12 位验证码") String code,
                              @Schema(description = "公开查验地址（绝对地址，即二维码的内容），无需登录") String verificationUrl,
                              @Schema(description = "证明载明的累计服务时长（小时）") BigDecimal hours,
                              LocalDate periodFrom, LocalDate periodTo, LocalDate issuedOn) {
}
