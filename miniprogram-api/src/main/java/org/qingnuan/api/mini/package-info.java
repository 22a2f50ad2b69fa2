/**
 * The mini-program's contract ({@code /api/mini/**}): sign-in with {@code wx.login}, roles, help
 * requests and their history, photo upload policies and subscribe-message consents. The endpoints
 * are the {@code *Api} interfaces here; {@code docs/miniprogram-api.md} walks through the flows.
 */
package org.qingnuan.api.mini;
