package org.qingnuan.wechat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What WeChat's servers do before calling us, written from WeChat's published algorithm
 * (消息加解密说明) independently of the application's code (the mini-program's JSON pushes use the same), so the tests check the application
 * against the specification rather than against itself.
 */
public final class WechatServerSide {

    private final String token;
    private final String aesKey;

    public WechatServerSide(String token, String aesKey) {
        this.token = token;
        this.aesKey = aesKey;
    }

    public String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** random(16) ‖ length(4, network order) ‖ xml ‖ appId, PKCS#7-padded to 32, AES-256-CBC, Base64. */
    public String encrypt(String xml, String appId) {
        return encrypt(xml, appId, xml.getBytes(StandardCharsets.UTF_8).length);
    }

    /** As {@link #encrypt(String, String)}, with the length field set to any value (a sender that lies about it). */
    String encrypt(String xml, String appId, int lengthField) {
        try {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            byte[] msg = xml.getBytes(StandardCharsets.UTF_8);
            byte[] app = appId.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(random);
            out.writeBytes(ByteBuffer.allocate(4).putInt(lengthField).array());
            out.writeBytes(msg);
            out.writeBytes(app);
            int pad = 32 - out.size() % 32;
            for (int i = 0; i < pad; i++) {
                out.write(pad);
            }
            byte[] key = Base64.getDecoder().decode(aesKey + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(out.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String from, long msgId, String content) {
        return "<xml><ToUserName><![CDATA[gh_qingnuan]]></ToUserName><FromUserName><![CDATA[" + from
                + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String subscribe(String from, long createTime, String scene) {
        return "<xml><ToUserName><![CDATA[gh_qingnuan]]></ToUserName><FromUserName><![CDATA[" + from
                + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_" + scene + "]]></EventKey></xml>";
    }
}
