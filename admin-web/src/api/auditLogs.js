import { http } from './request'

/** A page of audit log rows, newest first. Filters: action, targetType, targetId, actorStaffId, page, size. */
export function listAuditLogs(params) {
  return http.get('/audit-logs', { params })
}
