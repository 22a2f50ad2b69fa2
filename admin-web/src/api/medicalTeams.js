import { http } from './request'

/** A page of TeamView (contact phones masked). Filters: keyword, status, aidingHubei, batch, page, size. */
export function listTeams(params) {
  return http.get('/medical-teams', { params })
}

export function getTeam(id) {
  return http.get(`/medical-teams/${id}`)
}

/**
 * {name, destination, aidingHubei, batch, departureDate, returnDate, status, orgId, hospitalIds,
 * contacts: [{role, name, phone}]} → TeamView. Contacts are replaced as a whole, phones in clear.
 */
export function createTeam(body) {
  return http.post('/medical-teams', body)
}

/** Same fields plus version → TeamView */
export function updateTeam(id, body) {
  return http.put(`/medical-teams/${id}`, body)
}

/** The team with its contacts' phones in clear; the API records who looked and why. */
export function revealTeam(id, reason, config) {
  return http.post(`/medical-teams/${id}/reveal`, { reason }, config)
}

/** Id and name of every medical team (not only the caller's), for pickers. */
export function listTeamOptions() {
  return http.get('/medical-teams/options')
}

// --- the daily prompt (每日需求提示) of a team

/** {promptTime "HH:mm:ss", enabled, wecomConfigured} */
export function getPromptSchedule(teamId, config) {
  return http.get(`/medical-teams/${teamId}/prompt-schedule`, config)
}

/** {promptTime, enabled, wecomWebhook: null keeps, "" removes, a URL or key sets} → schedule */
export function updatePromptSchedule(teamId, body) {
  return http.put(`/medical-teams/${teamId}/prompt-schedule`, body)
}

/** The last 30 days: [{id, date, reported, remindedAt, deliveries: [{recipient, channel, status, attempts, lastError, sentAt, nextAttemptAt}]}] */
export function listTeamPrompts(teamId, config) {
  return http.get(`/medical-teams/${teamId}/prompts`, config)
}

/**
 * The team's current demand reports, newest first (a report a lead corrected the same day is replaced, not listed):
 * [{id, date, source, text, sentAt, corrections, items: [{id, kind, name, quantity, unit, deliveredQuantity,
 * overDelivered, status: OPEN | IN_PROGRESS | DELIVERED | OVER_DELIVERED | CLOSED, statusLabel, closedAt, closeNote}]}]
 */
export function listTeamReports(teamId, config) {
  return http.get(`/medical-teams/${teamId}/reports`, config)
}

/** {quantity, deliveredBy} → the item with its delivered total (overDelivered > 0 when more arrived than was asked) */
export function recordItemDelivery(teamId, itemId, body) {
  return http.post(`/medical-teams/${teamId}/reports/items/${itemId}/deliveries`, body)
}

/** {note?} → the item, CLOSED: a need in words met, or a supply no longer needed. */
export function closeReportItem(teamId, itemId, body = {}) {
  return http.post(`/medical-teams/${teamId}/reports/items/${itemId}/close`, body)
}

/**
 * Followers of the official account bound to the team: [{id, follower (shortened openid), contactName, contactRole,
 * contactRoleLabel (once the follower said “我是 姓名”), source: QR_CODE | INVITE_CODE, boundAt}].
 */
export function listTeamBindings(teamId, config) {
  return http.get(`/medical-teams/${teamId}/bindings`, config)
}

/** A new invite code (the old one stops working): {teamId, inviteCode, qrScene, qrCodeUrl}. */
export function issueTeamInviteCode(teamId, config) {
  return http.post(`/medical-teams/${teamId}/invite-code`, null, config)
}

/** The follower stops receiving the team's daily prompt (SUPER_ADMIN, ORG_ADMIN). */
export function unbindTeamBinding(teamId, bindingId) {
  return http.delete(`/medical-teams/${teamId}/bindings/${bindingId}`)
}

/** Mini-program contacts bound with the team's invite code: [{userId, role, phone (masked), source, boundAt}]. */
export function listTeamWechatUsers(teamId, config) {
  return http.get(`/medical-teams/${teamId}/wechat-users`, config)
}

/** Takes the team away from a mini-program contact; effective at once. */
export function unbindTeamWechatUser(teamId, userId) {
  return http.delete(`/medical-teams/${teamId}/wechat-users/${userId}`)
}
