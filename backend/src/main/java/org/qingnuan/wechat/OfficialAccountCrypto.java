package org.qingnuan.wechat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;

/**
 * WeChat's published callback algorithm for official accounts: SHA-1 signatures over the sorted
 * token, timestamp, nonce (and, in safe mode, the ciphertext), and AES-256-CBC with the
 * EncodingAESKey, whose plaintext is 16 random bytes, a 4-byte length, the message and the AppID.
 * WxJava's WxCryptUtil drops the AppID it decrypts; checking it is the point, so this does it.
 */
@Component
@EnableConfigurationProperties(OfficialAccountProperties.class)
public class OfficialAccountCrypto {

    private final OfficialAccountProperties properties;
    private final Clock clock;

    OfficialAccountCrypto(OfficialAccountProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Plain-mode signature (also the URL check): sha1(sort(token, timestamp, nonce)). */
    public void verifySignature(String timestamp, String nonce, String signature) {
        requireConfigured();
        CallbackSignatures.requireFresh(clock, properties.maxClockSkew(), timestamp);
        if (!CallbackSignatures.matches(CallbackSignatures.sha1(properties.token(), timestamp, nonce), signature)) {
            throw new CallbackRefused("bad signature");
        }
    }

    /**
     * The message XML of a POST to the callback: decrypted in safe mode ({@code encrypt_type=aes}); a plain
     * body only when no EncodingAESKey is configured or compatible mode is switched on explicitly.
     */
    public String open(String body, String timestamp, String nonce, String signature, String encryptType,
                       String msgSignature) {
        verifySignature(timestamp, nonce, signature);
        if ("aes".equalsIgnoreCase(encryptType)) {
            return decrypt(body, timestamp, nonce, msgSignature);
        }
        if (properties.plainMessagesRefused()) {
            throw new CallbackRefused("plain message while safe mode is required");
        }
        return body;
    }

    /** Safe mode: checks msg_signature over the ciphertext, decrypts, and checks the AppID inside. Returns the message XML. */
    public String decrypt(String encryptedBody, String timestamp, String nonce, String msgSignature) {
        requireConfigured();
        CallbackSignatures.requireFresh(clock, properties.maxClockSkew(), timestamp);
        String encrypt = encryptElement(encryptedBody);
        if (!CallbackSignatures.matches(CallbackSignatures.sha1(properties.token(), timestamp, nonce, encrypt), msgSignature)) {
            throw new CallbackRefused("bad msg_signature");
        }
        byte[] plain;
        try {
            byte[] key = Base64.getDecoder().decode(properties.aesKey() + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CallbackMalformed("undecryptable body");
        }
        if (plain.length == 0) {
            throw new CallbackMalformed("empty plaintext");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 32 || plain.length < 20 + pad) {
            throw new CallbackMalformed("bad padding");
        }
        // the length field is the sender's: in long arithmetic, so 0x7FFFFFFF cannot wrap round and pass
        long length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > plain.length - pad) {
            throw new CallbackMalformed("bad length");
        }
        int xmlLength = (int) length;
        String xml = new String(plain, 20, xmlLength, StandardCharsets.UTF_8);
        String appId = new String(plain, 20 + xmlLength, plain.length - pad - 20 - xmlLength, StandardCharsets.UTF_8);
        if (!appId.equals(properties.appId())) {
            throw new CallbackRefused("message for another AppID");
        }
        return xml;
    }

    /** XML with a DOCTYPE is never parsed (entity expansion, external entities). */
    public static void refuseDoctype(String xml) {
        String upper = xml.toUpperCase();
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            throw new CallbackRefused("DOCTYPE in XML");
        }
    }

    private String encryptElement(String xml) {
        refuseDoctype(xml);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            var nodes = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagName("Encrypt");
            if (nodes.getLength() == 0) {
                throw new CallbackMalformed("no Encrypt element");
            }
            String encrypt = nodes.item(0).getTextContent().strip();
            if (encrypt.isEmpty()) {
                throw new CallbackMalformed("empty Encrypt element");
            }
            return encrypt;
        } catch (CallbackRefused e) {
            throw e;
        } catch (Exception e) {
            throw new CallbackMalformed("unreadable XML");
        }
    }


    private void requireConfigured() {
        if (!properties.configured()) {
            throw new CallbackRefused("official account not configured");
        }
    }


}
