import { http } from './request'

/**
 * A page of audit log rows (with actionLabel, targetTypeLabel), newest first. Filters: action, targetType,
 * targetId, actorStaffId, from, to (YYYY-MM-DD), page, size.
 */
export function listAuditLogs(params) {
  return http.get('/audit-logs', { params })
}

/** {actions: [{value, label}], targets: [{value, label}]}: the codes' Chinese names, for the filters. */
export function getAuditLabels(config) {
  return http.get('/audit-logs/labels', config)
}
