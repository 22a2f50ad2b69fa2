import { download, http } from './request'

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

/** Saves the hospital import sheet (.xlsx, drop-downs for 隶属层级 and 是否定点收治). */
export function downloadHospitalTemplate(config) {
  return download('/hospitals/template', '医院导入模板.xlsx', config)
}

/**
 * Uploads a filled hospital sheet as multipart field `file`. Resolves with
 * {committed, dryRun, rows, created, existing, errors: [{row, column, message}]}; names already
 * registered are left as they are; with errors nothing is saved unless `validOnly`; `dryRun` only checks.
 */
export function importHospitals(file, { validOnly = false, dryRun = false } = {}, config = {}) {
  const form = new FormData()
  form.append('file', file)
  return http.post('/hospitals/import', form, {
    timeout: 120000,
    ...config,
    params: { validOnly: validOnly ? true : undefined, dryRun: dryRun ? true : undefined },
  })
}
