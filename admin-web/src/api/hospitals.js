import { http } from './request'

/** A page of HospitalView. Filters: keyword, level, city, designated, page, size. */
export function listHospitals(params) {
  return http.get('/hospitals', { params })
}

/** [{value, label}]: MINISTRY_RUN 部属, PROVINCE_RUN 省属, CITY_RUN 市属, COUNTY_RUN 县（区）属 */
export function getHospitalLevels() {
  return http.get('/hospitals/levels')
}

export function getHospital(id) {
  return http.get(`/hospitals/${id}`)
}

/**
 * {name, city, district, level, designated, orgId?} → HospitalView. Without orgId the server picks
 * the responsible league (部属/省属 → province, 市属/县属 → the city league of `city`).
 */
export function createHospital(body) {
  return http.post('/hospitals', body)
}

/** Same fields plus version → HospitalView; 409 VERSION_CONFLICT when stale */
export function updateHospital(id, body) {
  return http.put(`/hospitals/${id}`, body)
}

/** Id and name of every hospital (not only the caller's), for pickers. */
export function listHospitalOptions() {
  return http.get('/hospitals/options')
}
