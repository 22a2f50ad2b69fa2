import { http } from './request'

/**
 * A page of TicketView for the request board: crises first, address and phone masked, description
 * shortened. Filters: status, category, urgency, channel, crisis, review (texts waiting for a staff
 * check), page, size.
 */
export function listTickets(params) {
  return http.get('/tickets', { params })
}

/** TicketView with photos and history, address and phone masked. */
export function getTicket(id, config) {
  return http.get(`/tickets/${id}`, config)
}

/** The request with address and phone in clear; the API records who looked and why. */
export function revealTicket(id, reason, config) {
  return http.post(`/tickets/${id}/reveal`, { reason }, config)
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

/** {note?}: open to volunteers. */
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
