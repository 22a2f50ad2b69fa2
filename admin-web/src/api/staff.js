import { http } from './request'

/** A page of StaffView. Filters: orgId, includeSubOrgs, role, enabled, keyword, page, size. */
export function listStaff(params) {
  return http.get('/staff', { params })
}

/** [{value, label}] */
export function getStaffRoles() {
  return http.get('/staff/roles')
}

export function getStaff(id) {
  return http.get(`/staff/${id}`)
}

/** {orgId, username, displayName, password, roles} → StaffView */
export function createStaff(body) {
  return http.post('/staff', body)
}

/** {displayName, roles, version} → StaffView */
export function updateStaff(id, body) {
  return http.put(`/staff/${id}`, body)
}

export function disableStaff(id) {
  return http.post(`/staff/${id}/disable`)
}

export function enableStaff(id) {
  return http.post(`/staff/${id}/enable`)
}

/** Sets a new password; the owner must change it at next sign-in. */
export function resetStaffPassword(id, newPassword) {
  return http.post(`/staff/${id}/password`, { newPassword })
}
