package org.qingnuan.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Seals personal data for storage with AES-256-GCM and opens it again. A sealed value reads
 * {@code <keyId>:<base64(iv ‖ ciphertext ‖ tag)>}, so each value names the key it needs and keys can
 * be rotated without rewriting the table at once. Blind indexes (HMAC-SHA256 under a separate key)
 * allow equality search, e.g. "who has this phone", without storing the phone in clear.
 */
@Component
@EnableConfigurationProperties(CryptoProperties.class)
public class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    // one Cipher per thread, initialised for each value: looking the transformation up through the providers cost
    // more than opening a short value (a list opens fifty; issue 19). init() resets it, so nothing carries over.
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final SecretKeySpec indexKey;

    public PersonalDataCipher(CryptoProperties properties) {
        if (properties.keys() != null) {
            for (String entry : properties.keys().split(",")) {
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalStateException("qingnuan.crypto.keys must read id:base64,id:base64");
                }
                String id = entry.substring(0, colon).trim();
                if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                    throw new IllegalStateException("Key id must be 1-16 letters, digits, _ or -: " + id);
                }
                keys.put(id, new SecretKeySpec(decodeKey(entry.substring(colon + 1)), "AES"));
            }
        }
        if (properties.activeKeyId() == null || !keys.containsKey(properties.activeKeyId())
                || properties.blindIndexKey() == null || properties.blindIndexKey().isBlank()) {
            throw new IllegalStateException("qingnuan.crypto needs active-key-id, keys with that id and blind-index-key"
                    + " (production: QN_CRYPTO_ACTIVE_KEY_ID, QN_CRYPTO_KEYS, QN_CRYPTO_BLIND_INDEX_KEY)");
        }
        this.activeKeyId = properties.activeKeyId();
        this.indexKey = new SecretKeySpec(decodeKey(properties.blindIndexKey()), "HmacSHA256");
    }

    /** Encrypts a value for storage; {@code null} stays {@code null}. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            // the key id is bound to the ciphertext, so a value cannot be moved under another key id
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a value", e);
        }
    }

    /** Decrypts a value sealed by {@link #seal}; {@code null} stays {@code null}. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon > 0 ? keys.get(sealed.substring(0, colon)) : null;
        if (key == null) {
            throw new IllegalStateException("Sealed value names an unknown key id");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(sealed.substring(0, colon).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not open a sealed value (wrong key or tampered)", e);
        }
    }

    /** Keyed hash for equality search; the input should be normalised first (see {@link Phones#normalise}). */
    public String blindIndex(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not compute a blind index", e);
        }
    }

    /** Id of the key new values are sealed with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    private static byte[] decodeKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length != 32) {
            throw new IllegalStateException("Personal-data keys must be 32 bytes (Base64 of 32 random bytes)");
        }
        return key;
    }
}
