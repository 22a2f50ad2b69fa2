package org.qingnuan.storage;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way features hand out photo uploads and check them afterwards (requests, stories): each uploader
 * gets a key prefix of their own; a policy allows exactly one new key under it
 * ({@code <prefix><yyyyMMdd>/<uuid>.<ext>}); a save may name only keys under that prefix that were uploaded.
 * Features keep their own error codes: {@link PhotoStorageUnavailable} passes through to them.
 */
@Component
public class PhotoUploads {

    /** How long a policy lets the phone or browser upload. */
    public static final Duration UPLOAD_TTL = Duration.ofMinutes(5);
    /** How long a signed URL shows a photo. */
    public static final Duration VIEW_TTL = Duration.ofMinutes(10);
    /** How long the URL WeChat's media check fetches stays valid: WeChat fetches it on its own schedule, not at once. */
    public static final Duration CHECK_TTL = Duration.ofHours(1);
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp");

    private final PhotoStorage storage;
    private final Clock clock;

    PhotoUploads(PhotoStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * A policy for one new key under the prefix.
     *
     * @throws PhotoStorageUnavailable when storage cannot sign
     */
    public PhotoStorage.UploadPolicy policy(String prefix, String contentType, long size) {
        String key = prefix + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "/"
                + UUID.randomUUID() + "." + EXTENSIONS.get(contentType);
        return storage.uploadPolicy(key, contentType, size, UPLOAD_TTL);
    }

    /**
     * Whether the key lies under the prefix and was uploaded; storage is asked only about keys under the prefix.
     *
     * @throws PhotoStorageUnavailable when storage cannot be asked
     */
    public boolean ownAndUploaded(String prefix, String key) {
        return key.startsWith(prefix) && !key.contains("..") && storage.exists(key);
    }

    /**
     * A URL for WeChat's media check to fetch the photo.
     *
     * @throws PhotoStorageUnavailable when storage cannot sign
     */
    public String urlForCheck(String key) {
        return storage.signedUrl(key, CHECK_TTL);
    }

    /** Short-lived URLs to show the photos; none when storage cannot sign (what holds them still shows). */
    public List<String> urls(List<String> keys) {
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
