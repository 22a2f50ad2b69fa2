package org.qingnuan.ticket;

import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.ticket.UploadPolicyView;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.storage.PhotoStorage;
import org.qingnuan.storage.PhotoStorageUnavailable;
import org.qingnuan.storage.PhotoUploads;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Photos of requests: the phone uploads straight to OSS under a key prefix of its own user, with a
 * policy for exactly one key; a submission may name only keys under that prefix that exist.
 */
@Component
class TicketPhotos {

    private final PhotoUploads uploads;

    TicketPhotos(PhotoUploads uploads) {
        this.uploads = uploads;
    }

    static String prefixOf(long userId) {
        return "tickets/u" + userId + "/";
    }

    UploadPolicyView policy(long userId, String contentType, long size) {
        try {
            PhotoStorage.UploadPolicy policy = uploads.policy(prefixOf(userId), contentType, size);
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
                ok = uploads.ownAndUploaded(prefixOf(userId), key);
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
        return uploads.urls(keys);
    }
}
