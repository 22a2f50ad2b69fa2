import { http } from './request'

/**
 * A page of TicketView for the request board: crises first, address and phone masked, description
 * shortened. Filters: status, category, urgency, channel, crisis, review (texts waiting for a staff
 * check), overdue, district, assigned ('mine': dispatched to the caller's unit), page, size.
 */
export function listTickets(params) {
  return http.get('/tickets', { params })
}

/** TicketView with photos, history, `dispatch` and `actions` (what the caller may do now); masked. */
export function getTicket(id, config) {
  return http.get(`/tickets/${id}`, config)
}

/** The request with address and phone in clear; the API records who looked and why. */
export function revealTicket(id, reason, config) {
  return http.post(`/tickets/${id}/reveal`, { reason }, config)
}

/**
 * A need taken on the hotline, from a WeChat group or on a visit → TicketView (201). The same
 * `idempotencyKey` for the same form makes a repeated submit create one request only.
 */
export function intakeTicket(body, idempotencyKey) {
  return http.post('/tickets/intake', body, { headers: { 'Idempotency-Key': idempotencyKey } })
}

// The moves below answer with the request as it is now (masked, with history). A move the state no
// longer allows is 409 TICKET_STATE_CONFLICT; opening a text under review is 409 CONTENT_UNDER_REVIEW.

/** {note?}: accept; also marks a text under review as read. */
export function acceptTicket(id, body = {}) {
  return http.post(`/tickets/${id}/accept`, body)
}

/** {reason}: not accepted; the family reads the reason. */
export function rejectTicket(id, body) {
  return http.post(`/tickets/${id}/reject`, body)
}

/** {note?, ownVolunteersOnly}: open to volunteers (all, or only the responsible unit's own). */
export function openTicket(id, body = {}) {
  return http.post(`/tickets/${id}/open`, body)
}

/** {note}: done by staff themselves; the family confirms. */
export function completeTicket(id, body) {
  return http.post(`/tickets/${id}/complete`, body)
}

/** {reason: DUPLICATE | DONE_BY_OTHERS, note?} */
export function closeTicket(id, body) {
  return http.post(`/tickets/${id}/close`, body)
}

// --- dispatch (派单): a responsible unit and a completion deadline

/** Units the caller may dispatch to: [{id, name, type, typeLabel}]. */
export function listDispatchUnits() {
  return http.get('/tickets/dispatch-units')
}

/** {unitOrgId, deadline (wall-clock, future), note?} */
export function dispatchTicket(id, body) {
  return http.post(`/tickets/${id}/dispatch`, body)
}

/** {note?}: the responsible unit takes the dispatch on. */
export function acceptDispatch(id, body = {}) {
  return http.post(`/tickets/${id}/dispatch/accept`, body)
}

/** {reason}: the unit hands the request back to the dispatcher. */
export function passBackDispatch(id, body) {
  return http.post(`/tickets/${id}/dispatch/pass-back`, body)
}

/** {deadline, note?} */
export function changeDeadline(id, body) {
  return http.post(`/tickets/${id}/dispatch/deadline`, body)
}

/** Volunteers the unit may name: [{id, name (masked), distanceKm, activeTasks}]. */
export function listAssignableVolunteers(id) {
  return http.get(`/tickets/${id}/assignable-volunteers`)
}

/** {volunteerId, note?} */
export function assignVolunteer(id, body) {
  return http.post(`/tickets/${id}/assign`, body)
}

// --- follow-up calls (回访)

/** A page of TicketView waiting for (or with) a follow-up call, each with `lastFollowUp`. */
export function listFollowUps(params) {
  return http.get('/tickets/follow-ups', { params })
}

/** {outcome: CONFIRMED | NOT_REACHED | PROBLEM, rating? (1–5, with CONFIRMED), note?} */
export function recordFollowUp(id, body) {
  return http.post(`/tickets/${id}/follow-ups`, body)
}

// --- take-over requests (转办)

/**
 * Take-overs asked by, asked of, or within the caller's unit: [{id, ticketId, fromOrgName, toOrgName,
 * requestedByName, reason, status, statusLabel, createdAt, autoApproveAt, decidable, decidedByName,
 * decisionNote, decidedAt}]. Filter: status.
 */
export function listTakeovers(params, config) {
  return http.get('/tickets/takeovers', { params, ...config })
}

/** {ticketId, reason}: ask to take a request over from the unit responsible now. */
export function requestTakeover(body) {
  return http.post('/tickets/takeovers', body)
}

/** {note?} */
export function approveTakeover(id, body = {}) {
  return http.post(`/tickets/takeovers/${id}/approve`, body)
}

/** {note?} */
export function declineTakeover(id, body = {}) {
  return http.post(`/tickets/takeovers/${id}/decline`, body)
}
