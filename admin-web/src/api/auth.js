import { http } from './request'

/** Signs in. A wrong password is a 401 that the login form shows itself. */
export function login(username, password) {
  return http.post('/auth/login', { username, password }, { skipAuth: true, silent: true })
}

/** Ends the current session. Failures do not matter: the token is dropped either way. */
export function logout() {
  return http.post('/auth/logout', null, { silent: true, skipAuthRedirect: true })
}

/** The signed-in staff member (StaffView). */
export function getMe(config = {}) {
  return http.get('/auth/me', config)
}

/** Changes the own password (10–64 characters); other sessions end, this one stays. */
export function changePassword(currentPassword, newPassword) {
  return http.post('/auth/password', { currentPassword, newPassword })
}

/** Whether the member's own WeChat is bound for alerts: {bound}. */
export function getWechatBinding(config) {
  return http.get('/auth/me/wechat-binding', config)
}

/** A 6-digit code, valid 10 minutes and once: {code, expiresAt (an instant, UTC), instructions}. */
export function issueWechatBindingCode() {
  return http.post('/auth/me/wechat-binding')
}

/** Unbinds the member's WeChat: no more alerts there. */
export function unbindWechat() {
  return http.delete('/auth/me/wechat-binding')
}
