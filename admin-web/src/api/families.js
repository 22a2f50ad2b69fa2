import { http } from './request'

/** A new invite code for the family (14 days): {familyId, code, expiresAt}. */
export function issueFamilyInvite(familyId) {
  return http.post(`/families/${familyId}/invites`)
}

/** Mini-program users bound to the family: [{userId, role, phone (masked), source, boundAt}]. */
export function listFamilyWechatUsers(familyId, config) {
  return http.get(`/families/${familyId}/wechat-users`, config)
}

/**
 * Families of the caller's jurisdiction by a phone (exact) or a worker's name (contains), masked:
 * [{familyId, workerId, workerName, familyPhone, district, address}].
 */
export function searchFamilies(q, config) {
  return http.get('/families/search', { params: { q }, ...config })
}
