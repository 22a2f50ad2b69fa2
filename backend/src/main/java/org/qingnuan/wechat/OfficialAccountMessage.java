package org.qingnuan.wechat;

/**
 * A message or event from a follower of the official account, published once per message after
 * the callback accepted it. Features listen for it (binding by invite code or QR scene, demand
 * reports in plain language) without knowing WeChat's XML.
 *
 * @param openId   the follower
 * @param msgType  text, event, image …
 * @param event    for events: subscribe, unsubscribe, SCAN, CLICK …
 * @param eventKey for subscribe/SCAN from a parametric QR code: the scene (without "qrscene_")
 * @param content  for text messages: what the follower wrote
 */
public record OfficialAccountMessage(String openId, String msgType, String event, String eventKey, String content) {
}
