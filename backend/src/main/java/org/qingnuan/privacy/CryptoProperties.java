package org.qingnuan.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data ({@code qingnuan.crypto.*}), all Base64 of 32 random bytes.
 *
 * @param activeKeyId   id of the key new values are sealed with
 * @param keys          every key still needed to open stored values: {@code id:base64,id:base64};
 *                      rotation adds a key and moves {@code activeKeyId}, old values stay readable
 * @param blindIndexKey HMAC key of the blind indexes (equality search on phones); changing it
 *                      means recomputing every index
 */
@ConfigurationProperties("qingnuan.crypto")
public record CryptoProperties(String activeKeyId, String keys, String blindIndexKey) {
}
