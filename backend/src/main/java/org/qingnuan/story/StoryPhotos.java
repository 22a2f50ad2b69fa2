package org.qingnuan.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.ticket.PhotoView;
import org.qingnuan.api.ticket.UploadPolicyView;
import org.qingnuan.photocheck.PhotoCheck;
import org.qingnuan.photocheck.PhotoChecks;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.storage.PhotoStorage;
import org.qingnuan.storage.PhotoStorageUnavailable;
import org.qingnuan.storage.PhotoUploads;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Photos of stories, the same way as photos of requests: the staff member's browser uploads straight to
 * OSS with a policy for exactly one key under their own prefix; a save may add only keys under that
 * prefix that were uploaded. Keys the story already holds stay valid, so a colleague can edit a draft
 * without re-uploading its photos. Every photo goes through WeChat's media check ({@link PhotoChecks}); the
 * mini-program shows only those that passed.
 */
@Component
class StoryPhotos {

    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {
    };

    private final PhotoUploads uploads;
    private final PhotoChecks checks;
    private final ObjectMapper json;

    StoryPhotos(PhotoUploads uploads, PhotoChecks checks, ObjectMapper json) {
        this.uploads = uploads;
        this.checks = checks;
        this.json = json;
    }

    static String prefixOf(long staffId) {
        return "stories/" + staffId + "/";
    }

    UploadPolicyView policy(long staffId, String contentType, long size) {
        try {
            PhotoStorage.UploadPolicy policy = uploads.policy(prefixOf(staffId), contentType, size);
            return new UploadPolicyView(policy.url(), policy.key(), policy.formFields(), policy.expiresAt(), policy.maxBytes());
        } catch (PhotoStorageUnavailable e) {
            throw new DomainException(StoryError.PHOTO_STORAGE_UNAVAILABLE);
        }
    }

    /**
     * Refuses, with one field error per key, keys that are repeated, or new and not under the staff
     * member's prefix or never uploaded. OSS is asked only about new keys under the prefix.
     */
    void requireAcceptable(long staffId, List<String> keys, Collection<String> alreadyOnStory) {
        if (keys == null || keys.isEmpty()) {
            return;
        }
        List<ApiError.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String problem = null;
            if (!seen.add(key)) {
                problem = "这张照片重复了";
            } else if (!alreadyOnStory.contains(key)) {
                boolean ownAndUploaded;
                try {
                    ownAndUploaded = uploads.ownAndUploaded(prefixOf(staffId), key);
                } catch (PhotoStorageUnavailable e) {
                    throw new DomainException(StoryError.PHOTO_STORAGE_UNAVAILABLE);
                }
                if (!ownAndUploaded) {
                    problem = "这张照片不是您本人上传的，或没有上传成功，请重新上传";
                }
            }
            if (problem != null) {
                errors.add(new ApiError.FieldError("photoKeys[" + i + "]", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(StoryError.STORY_PHOTO_INVALID, StoryError.STORY_PHOTO_INVALID.message(), errors);
        }
    }

    /** Records the story's photos in the save's transaction (those it had keep their check); WeChat checks new ones. */
    void attach(Story story, long staffId, List<String> keys) {
        checks.attach(PhotoCheck.Owner.STORY, story.getId(), story.getOrgId(), PhotoChecks.Uploader.staff(staffId), keys);
    }

    /** Short-lived URLs of the photos the viewer may see; none when storage cannot sign (the story still shows). */
    List<String> urls(List<String> keys, PhotoChecks.Viewer viewer) {
        return checks.urls(keys, viewer);
    }

    /** The photos with their check's state, for staff. */
    List<PhotoView> forStaff(List<String> keys) {
        return checks.photos(keys, PhotoChecks.Viewer.staff());
    }

    String toJson(List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> keys(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(stored, KEYS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("story photo keys are not a JSON array", e);
        }
    }
}
