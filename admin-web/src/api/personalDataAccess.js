import { http } from './request'

/**
 * Who saw whose personal data in clear, newest first: a page of {id, orgId, staffId, staffName,
 * subjectType, subjectId, fields, reason, clientIp, traceId, createdAt}.
 * Filters: subjectType (MEDICAL_WORKER, MEDICAL_TEAM), subjectId, staffId, page, size.
 */
export function listPersonalDataAccess(params) {
  return http.get('/personal-data-access', { params })
}
