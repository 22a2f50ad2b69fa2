package org.qingnuan.wechat;

/**
 * A callback whose signature may well be right but whose content cannot be a message of WeChat's: no or an empty
 * {@code <Encrypt>}, a plaintext whose length field points outside it, unreadable XML, a message too large to keep.
 * Answered 400 (the sender's fault, not a question of who sent it); nothing is stored.
 */
public class CallbackMalformed extends CallbackRefused {

    public CallbackMalformed(String reason) {
        super(reason);
    }
}
