import { http } from './request'

/** The jurisdiction's latest alerts (crisis requests), unread first: [{id, orgId, kind, ticketId, title, readAt, createdAt}]. */
export function listAlerts(config) {
  return http.get('/alerts', config)
}

/** Marks one alert read (204). */
export function markAlertRead(id, config) {
  return http.post(`/alerts/${id}/read`, null, config)
}
