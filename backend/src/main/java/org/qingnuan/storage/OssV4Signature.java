package org.qingnuan.storage;

import com.aliyun.oss.common.auth.HmacSHA256Signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aliyun OSS's V4 signature (OSS4-HMAC-SHA256) for the embedded stand-in, which signs and checks its own
 * policies and URLs the way OSS does ({@link AliyunPhotoStorage} leaves this to the SDK). Only what the
 * stand-in needs: PostObject policies and presigned GETs without signed headers.
 */
final class OssV4Signature {

    static final String ALGORITHM = "OSS4-HMAC-SHA256";
    static final DateTimeFormatter X_OSS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final String secret;
    private final String region;

    OssV4Signature(String accessKeyId, String secret, String region) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
    }

    static String date(Instant at) {
        return X_OSS_DATE.format(at);
    }

    /** {@code <accessKeyId>/<yyyyMMdd>/<region>/oss/aliyun_v4_request} */
    String credential(String xOssDate) {
        return accessKeyId + "/" + xOssDate.substring(0, 8) + "/" + region + "/oss/aliyun_v4_request";
    }

    /** PostObject: hex(HMAC-SHA256(signing key, base64 policy)). */
    String policySignature(String base64Policy, String xOssDate) {
        return HexFormat.of().formatHex(hmac(signingKey(xOssDate), base64Policy));
    }

    /** A presigned request without signed headers: the V4 canonical request of method, /bucket/key and the query. */
    String querySignature(String method, String bucket, String key, Map<String, String> query, String xOssDate) {
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((name, value) -> {
            if (!name.equals("x-oss-signature")) {
                sorted.put(encode(name), value == null || value.isEmpty() ? "" : encode(value));
            }
        });
        StringBuilder canonicalQuery = new StringBuilder();
        sorted.forEach((name, value) -> canonicalQuery.append(canonicalQuery.isEmpty() ? "" : "&").append(name)
                .append(value.isEmpty() ? "" : "=" + value));
        String canonicalRequest = method + "\n" + encode("/" + bucket + "/" + key).replace("%2F", "/") + "\n"
                + canonicalQuery + "\n\n\nUNSIGNED-PAYLOAD";
        String stringToSign = ALGORITHM + "\n" + xOssDate + "\n" + xOssDate.substring(0, 8) + "/" + region
                + "/oss/aliyun_v4_request\n" + HexFormat.of().formatHex(sha256(canonicalRequest));
        return HexFormat.of().formatHex(hmac(signingKey(xOssDate), stringToSign));
    }

    static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private byte[] signingKey(String xOssDate) {
        byte[] key = hmac(("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), xOssDate.substring(0, 8));
        for (String part : new String[]{region, "oss", "aliyun_v4_request"}) {
            key = hmac(key, part);
        }
        return key;
    }

    /** The SDK's HMAC-SHA256 (personal-data crypto stays in {@code privacy}; this is OSS's signature). */
    private static byte[] hmac(byte[] key, String data) {
        return new HmacSHA256Signature().computeHash(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
