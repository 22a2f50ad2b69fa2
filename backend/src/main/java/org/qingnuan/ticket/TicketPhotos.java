package org.qingnuan.ticket;

import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.ticket.PhotoView;
import org.qingnuan.photocheck.PhotoCheck;
import org.qingnuan.photocheck.PhotoChecks;
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
 * policy for exactly one key; a submission may name only keys under that prefix that exist. Every photo a save
 * attaches goes through WeChat's media check ({@link PhotoChecks}), which decides who sees it.
 */
@Component
class TicketPhotos {

    private final PhotoUploads uploads;
    private final PhotoChecks checks;

    TicketPhotos(PhotoUploads uploads, PhotoChecks checks) {
        this.uploads = uploads;
        this.checks = checks;
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

    /** Records the photos a save attaches, in its transaction; WeChat checks them after commit. */
    void attach(PhotoCheck.Owner owner, HelpTicket ticket, long userId, String openId, List<String> keys) {
        checks.attach(owner, ticket.getId(), ticket.getOrgId(), PhotoChecks.Uploader.miniUser(userId, openId), keys);
    }

    /** Short-lived URLs of the photos the viewer may see; none when storage is not reachable (the request still shows). */
    List<String> urls(List<String> keys, PhotoChecks.Viewer viewer) {
        return checks.urls(keys, viewer);
    }

    /** The photos the viewer may see, with their check's state (the uploader's 审核中, staff's exact state). */
    List<PhotoView> photos(List<String> keys, PhotoChecks.Viewer viewer) {
        return checks.photos(keys, viewer);
    }
}
