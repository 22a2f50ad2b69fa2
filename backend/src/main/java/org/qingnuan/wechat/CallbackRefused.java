package org.qingnuan.wechat;

/** A callback that did not come from WeChat for our account, or came too late. Nothing is processed. */
public class CallbackRefused extends RuntimeException {

    public CallbackRefused(String reason) {
        super(reason);
    }
}
