package org.qingnuan.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aliyun OSS's V4 signature (OSS4-HMAC-SHA256) as OSS checks it, written from Aliyun's published
 * description independently of the SDK and of the application, so the OSS stub checks what the real
 * SDK sends against the specification.
 * <pre>
 * signing key   = HMAC(HMAC(HMAC(HMAC("aliyun_v4" + secret, yyyyMMdd), region), "oss"), "aliyun_v4_request")
 * credential    = accessKeyId/yyyyMMdd/region/oss/aliyun_v4_request
 * PostObject    : signature = hex(HMAC(signing key, base64 policy))
 * header / query: signature = hex(HMAC(signing key, "OSS4-HMAC-SHA256\n" + x-oss-date + "\n" + scope + "\n"
 *                                      + hex(SHA-256(canonical request))))
 * canonical request = method \n /bucket/key (encoded, '/' kept) \n sorted encoded query (without
 *                     x-oss-signature) \n content-type, content-md5, x-oss-* and additional headers, each
 *                     "name:value\n" \n additional header names joined by ';' \n x-oss-content-sha256 or UNSIGNED-PAYLOAD
 * </pre>
 */
final class OssV4 {

    static final String ALGORITHM = "OSS4-HMAC-SHA256";
    private static final Pattern CREDENTIAL = Pattern.compile("^([^/]+)/(\\d{8})/([a-z0-9-]+)/oss/aliyun_v4_request$");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^OSS4-HMAC-SHA256 Credential=([^,]+)(?:,\\s*AdditionalHeaders=([^,]*))?,\\s*Signature=([0-9a-f]{64})$");

    private final String accessKeyId;
    private final String secret;
    private final String region;

    OssV4(String accessKeyId, String secret, String region) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
    }

    /** Why a credential is refused (OSS's error code), or null when it is ours, for our region, dated {@code date}. */
    String refuseCredential(String credential, String xOssDate) {
        Matcher m = credential == null ? null : CREDENTIAL.matcher(credential);
        if (m == null || !m.matches()) {
            return "InvalidArgument";
        }
        if (!m.group(1).equals(accessKeyId)) {
            return "InvalidAccessKeyId";
        }
        if (!m.group(3).equals(region) || xOssDate == null || !xOssDate.startsWith(m.group(2))) {
            return "SignatureDoesNotMatch";
        }
        return null;
    }

    boolean policySignatureHolds(String base64Policy, String xOssDate, String signature) {
        return same(hex(hmac(signingKey(xOssDate.substring(0, 8)), base64Policy)), signature);
    }

    /** The parts of an {@code Authorization: OSS4-HMAC-SHA256 …} header, or null when it is not one. */
    static String[] authorization(String header) {
        Matcher m = header == null ? null : AUTHORIZATION.matcher(header.trim());
        return m != null && m.matches() ? new String[]{m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3)} : null;
    }

    boolean requestSignatureHolds(String method, String bucket, String key, Map<String, String> query,
                                  Map<String, String> headers, String additionalHeaders, String xOssDate, String signature) {
        Set<String> additional = new java.util.TreeSet<>();
        for (String name : additionalHeaders.split(";")) {
            if (!name.isBlank()) {
                additional.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        TreeMap<String, String> canonicalQuery = new TreeMap<>();
        query.forEach((name, value) -> {
            if (!name.equals("x-oss-signature")) {
                canonicalQuery.put(encode(name.trim()), value == null || value.isEmpty() ? "" : encode(value.trim()));
            }
        });
        StringBuilder queryString = new StringBuilder();
        canonicalQuery.forEach((name, value) -> queryString.append(queryString.isEmpty() ? "" : "&").append(name)
                .append(value.isEmpty() ? "" : "=" + value));
        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-type") || lower.equals("content-md5") || lower.startsWith("x-oss-") || additional.contains(lower)) {
                canonicalHeaders.put(lower, value.trim());
            }
        });
        StringBuilder headerString = new StringBuilder();
        canonicalHeaders.forEach((name, value) -> headerString.append(name).append(':').append(value).append('\n'));
        String payload = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("x-oss-content-sha256"))
                .map(Map.Entry::getValue).findFirst().orElse("UNSIGNED-PAYLOAD");
        String canonicalRequest = method + "\n" + encode("/" + bucket + "/" + key).replace("%2F", "/") + "\n"
                + queryString + "\n" + headerString + "\n" + String.join(";", additional) + "\n" + payload;
        String date = xOssDate.substring(0, 8);
        String stringToSign = ALGORITHM + "\n" + xOssDate + "\n" + date + "/" + region + "/oss/aliyun_v4_request\n"
                + hex(sha256(canonicalRequest));
        return same(hex(hmac(signingKey(date), stringToSign)), signature);
    }

    private byte[] signingKey(String date) {
        byte[] key = hmac(("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "oss");
        return hmac(key, "aliyun_v4_request");
    }

    /** RFC 3986: everything but unreserved characters percent-encoded, upper-case hex. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean same(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
