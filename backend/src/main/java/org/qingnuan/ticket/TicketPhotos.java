package org.qingnuan.ticket;

import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.ticket.UploadPolicyView;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.storage.PhotoStorage;
import org.qingnuan.storage.PhotoStorageUnavailable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Photos of requests: the phone uploads straight to OSS under a key prefix of its own user, with a
 * policy for exactly one key; a submission may name only keys under that prefix that exist.
 */
@Component
class TicketPhotos {

    static final Duration UPLOAD_TTL = Duration.ofMinutes(5);
    static final Duration VIEW_TTL = Duration.ofMinutes(10);
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

    private final PhotoStorage storage;
    private final Clock clock;

    TicketPhotos(PhotoStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    static String prefixOf(long userId) {
        return "tickets/u" + userId + "/";
    }

    UploadPolicyView policy(long userId, String contentType, long size) {
        String key = prefixOf(userId) + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "/"
                + UUID.randomUUID() + "." + EXTENSIONS.get(contentType);
        try {
            PhotoStorage.UploadPolicy policy = storage.uploadPolicy(key, contentType, size, UPLOAD_TTL);
            return new UploadPolicyView(policy.url(), policy.key(), policy.formFields(), policy.expiresAt(), policy.maxBytes());
        } catch (PhotoStorageUnavailable e) {
            throw new DomainException(TicketError.PHOTO_STORAGE_UNAVAILABLE);
        }
    }

    /** Checks keys a user submits: their own prefix, and uploaded. */
    void requireUploaded(long userId, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return;
        }
        List<ApiError.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            boolean ok;
            try {
                ok = key.startsWith(prefixOf(userId)) && !key.contains("..") && storage.exists(key);
            } catch (PhotoStorageUnavailable e) {
                throw new DomainException(TicketError.PHOTO_STORAGE_UNAVAILABLE);
            }
            if (!ok) {
                errors.add(new ApiError.FieldError("photoKeys[" + i + "]", "这张照片没有上传成功，请重新上传"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(TicketError.PHOTO_NOT_UPLOADED, TicketError.PHOTO_NOT_UPLOADED.message(), errors);
        }
    }

    /** Short-lived URLs to show the photos; none when storage is not reachable (the request still shows). */
    List<String> urls(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return List.of();
        }
        try {
            return keys.stream().map(key -> storage.signedUrl(key, VIEW_TTL)).toList();
        } catch (PhotoStorageUnavailable e) {
            return List.of();
        }
    }
}
