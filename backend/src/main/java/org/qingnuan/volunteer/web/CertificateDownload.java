package org.qingnuan.volunteer.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A certificate PDF as a download named in Chinese. */
final class CertificateDownload {

    private CertificateDownload() {
    }

    static ResponseEntity<byte[]> of(byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("志愿服务证明.pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
