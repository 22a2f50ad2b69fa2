package org.qingnuan.storage.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.qingnuan.storage.EmbeddedPhotoStorage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The OSS bucket as phones and browsers see it in the embedded default: PostObject ({@code uni.uploadFile},
 * multipart, file field {@code file}) and presigned GETs. No bearer token: like OSS, it authorises by the
 * signatures. Answers OSS's XML errors. Never in prod.
 */
@Hidden
@RestController
@RequestMapping("/embedded/oss")
@Profile("!prod")
@ConditionalOnProperty("qingnuan.embedded.stand-ins")
class EmbeddedOssController {

    private final EmbeddedPhotoStorage storage;

    EmbeddedOssController(EmbeddedPhotoStorage storage) {
        this.storage = storage;
    }

    @PostMapping(value = "/{bucket}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> upload(@PathVariable String bucket, @RequestParam Map<String, String> form,
                                @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        Map<String, String> fields = new HashMap<>(form);
        fields.remove("file");
        storage.accept(bucket, fields, file == null ? null : file.getBytes(), file == null ? null : file.getContentType());
        return ResponseEntity.ok().build();
    }

    @GetMapping("/{bucket}/**")
    ResponseEntity<byte[]> read(@PathVariable String bucket, HttpServletRequest request,
                                @RequestParam Map<String, String> query) {
        String prefix = request.getContextPath() + "/embedded/oss/" + bucket + "/";
        String key = UriUtils.decode(request.getRequestURI().substring(prefix.length()), StandardCharsets.UTF_8);
        EmbeddedPhotoStorage.StoredPhoto photo = storage.read(bucket, key, query);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("Cache-Control", "private, max-age=60").body(photo.bytes());
    }

    @ExceptionHandler(EmbeddedPhotoStorage.Refused.class)
    ResponseEntity<String> refused(EmbeddedPhotoStorage.Refused e) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + e.code() + "</Code><Message>"
                + e.getMessage().replace("&", "&amp;").replace("<", "&lt;") + "</Message><BucketName>"
                + EmbeddedPhotoStorage.BUCKET + "</BucketName></Error>";
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_XML).body(xml);
    }
}
