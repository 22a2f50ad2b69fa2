import { http } from './request'

/** A new invite code for the family (14 days): {familyId, code, expiresAt}. */
export function issueFamilyInvite(familyId) {
  return http.post(`/families/${familyId}/invites`)
}

/** Mini-program users bound to the family: [{userId, role, phone (masked), source, boundAt}]. */
export function listFamilyWechatUsers(familyId, config) {
  return http.get(`/families/${familyId}/wechat-users`, config)
}
