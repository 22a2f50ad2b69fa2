import { http } from './request'

/**
 * A new invite code for the family (14 days), binding `maxUses` WeChat users (default 1, at most 10):
 * {id, familyId, code, expiresAt, maxUses}. The full code is shown only in this answer.
 */
export function issueFamilyInvite(familyId, maxUses = 1) {
  return http.post(`/families/${familyId}/invites`, { maxUses })
}

/** The family's codes, newest first: [{id, code (first 4 characters), maxUses, uses, expiresAt, revokedAt, status, statusLabel}]. */
export function listFamilyInvites(familyId, config) {
  return http.get(`/families/${familyId}/invites`, config)
}

/** The code stops working at once; users it bound stay bound. */
export function revokeFamilyInvite(familyId, inviteId) {
  return http.post(`/families/${familyId}/invites/${inviteId}/revoke`)
}

/** Mini-program users bound to the family: [{userId, role, phone (masked), source, boundAt}]. */
export function listFamilyWechatUsers(familyId, config) {
  return http.get(`/families/${familyId}/wechat-users`, config)
}

/** Takes the family away from a mini-program user (FAMILY and MEDICAL_WORKER roles); effective at once. */
export function unbindFamilyWechatUser(familyId, userId) {
  return http.delete(`/families/${familyId}/wechat-users/${userId}`)
}

/**
 * Families of the caller's jurisdiction by a phone (exact) or a worker's name (contains), masked:
 * [{familyId, workerId, workerName, familyPhone, district, address}].
 */
export function searchFamilies(q, config) {
  return http.get('/families/search', { params: { q }, ...config })
}
