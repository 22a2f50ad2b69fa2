import { http } from './request'

/**
 * The jurisdiction's latest alerts (crisis requests, releases, dispatch, overdue), unread first:
 * [{id, orgId, kind, ticketId, title, readAt, closedAt, closeReason, createdAt}]; config.params.state:
 * UNREAD, READ (read or closed by their cause) or ALL (default).
 */
export function listAlerts(config) {
  return http.get('/alerts', config)
}

/** Marks one alert read (204). */
export function markAlertRead(id, config) {
  return http.post(`/alerts/${id}/read`, null, config)
}
