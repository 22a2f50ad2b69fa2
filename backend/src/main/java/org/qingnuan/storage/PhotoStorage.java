package org.qingnuan.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Photos live in object storage (Aliyun OSS). A phone uploads straight to the bucket with a
 * short-lived signed POST policy from us; we keep only object keys and hand out short-lived signed
 * GET URLs. Only this package knows the OSS SDK.
 *
 * <p>Every method throws {@link PhotoStorageUnavailable} when storage is not configured (the embedded
 * default) or OSS cannot be reached or refuses us; callers answer that with a 503.
 */
public interface PhotoStorage {

    /**
     * What a mini-program passes to {@code wx.uploadFile}: the bucket URL, and the form fields
     * (key, policy, x-oss-signature-version, x-oss-credential, x-oss-date, x-oss-signature, success_action_status,
     * Content-Type: OSS's V4 PostObject) for exactly one
     * object. The file itself goes in the form field named {@code file}, after all the others.
     *
     * @param url        the bucket's URL, the target of the POST
     * @param key        the object key to write; the policy allows no other
     * @param formFields the form fields to send with the file, in this order
     * @param expiresAt  when OSS stops accepting the policy
     * @param maxBytes   the largest file OSS will accept under this policy
     */
    record UploadPolicy(String url, String key, Map<String, String> formFields, Instant expiresAt, long maxBytes) {
    }

    /**
     * A signed POST policy for one object, valid for {@code ttl}, limited to 1..{@code maxBytes} bytes
     * and the content type (OSS answers 200 on success, as {@code success_action_status} asks).
     */
    UploadPolicy uploadPolicy(String key, String contentType, long maxBytes, Duration ttl);

    /** Whether the object was uploaded (HEAD object); false when OSS has no such key. */
    boolean exists(String key);

    /** A signed GET URL for the object, valid for {@code ttl}. Computed locally: it does not check the object exists. */
    String signedUrl(String key, Duration ttl);
}
