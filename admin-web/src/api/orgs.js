import { http } from './request'

/** The caller's subtree: [{id, name, type, typeLabel, region, children}]. */
export function getOrgTree(config) {
  return http.get('/orgs/tree', config)
}

/** A page of orgs: {items, total, page, size}. Filters: type, parentId, keyword, page, size. */
export function listOrgs(params) {
  return http.get('/orgs', { params })
}

/** [{value, label}] */
export function getOrgTypes() {
  return http.get('/orgs/types')
}

export function getOrg(id) {
  return http.get(`/orgs/${id}`)
}

/** {parentId, name, type, region} → OrgView */
export function createOrg(body) {
  return http.post('/orgs', body)
}

/** {name, region, version} → OrgView; 409 VERSION_CONFLICT when stale */
export function updateOrg(id, body) {
  return http.put(`/orgs/${id}`, body)
}
