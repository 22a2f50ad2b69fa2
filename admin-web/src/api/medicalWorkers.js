import { download, http } from './request'

/**
 * A page of WorkerView (phones and address masked, no family). Filters: orgId, hospitalId, teamId,
 * aidedHubei, batch, keyword (name), phone (own or family phone, exact), status (ACTIVE — the default —,
 * WITHDRAWN or ALL), page, size.
 */
export function listWorkers(params) {
  return http.get('/medical-workers', { params })
}

/** WorkerView with its family and members, masked. */
export function getWorker(id) {
  return http.get(`/medical-workers/${id}`)
}

/** WorkerView with every personal field in clear, family included; the API records who looked and why. */
export function revealWorker(id, reason, config) {
  return http.post(`/medical-workers/${id}/reveal`, { reason }, config)
}

/**
 * {hospitalId, teamId, orgId, name, gender, position, frontlineLocation, homeAddress, ownPhone,
 * familyPhone, idNumber, pairedVolunteer, notes, aidedHubei, batch} → WorkerView (masked).
 * 409 WORKER_ALREADY_REGISTERED when the same ID number (without one: hospital and name) exists.
 * Another orgId moves the worker together with the family.
 */
export function createWorker(body) {
  return http.post('/medical-workers', body)
}

/** Same fields in clear plus version → WorkerView (masked). */
export function updateWorker(id, body) {
  return http.put(`/medical-workers/${id}`, body)
}

/** {address, latitude, longitude, members: [...], version} → WorkerView (masked); members are replaced. */
export function updateFamily(workerId, body) {
  return http.put(`/medical-workers/${workerId}/family`, body)
}

/** Withdraws a worker (left the front line) with a reason: kept, restorable, out of annex 1 from now. */
export function withdrawWorker(id, reason, config) {
  return http.post(`/medical-workers/${id}/withdraw`, { reason }, config)
}

/** Counts a withdrawn worker again from now; the reason goes into the audit log. */
export function restoreWorker(id, reason, config) {
  return http.post(`/medical-workers/${id}/restore`, { reason }, config)
}

/**
 * Deletes an entry made by mistake with its family (audited with the reason). 409 WORKER_HAS_HISTORY
 * when the family already has requests, pairings, plans or invites: withdraw instead.
 */
export function deleteWorker(id, reason, config) {
  return http.post(`/medical-workers/${id}/delete`, { reason }, config)
}

/** Saves the empty import template (.xlsx). */
export function downloadWorkerTemplate(config) {
  return download('/medical-workers/template', '一线医护人员信息表模板.xlsx', config)
}

/**
 * Uploads a filled-in template as multipart field `file`; each row goes to the district of its 区县.
 * Resolves with {committed, dryRun, rows, created, updated, moved, skipped, matchedByIdNumber,
 * matchedByHospitalAndName, errors: [{row, column, message}], matches: [{row, action, matchedBy, workerId}],
 * moves: [{row, name, from, to}]}; with errors and without `validOnly` nothing is saved (committed=false);
 * `dryRun` checks and reports without saving. `onProgress(percent)` follows the upload.
 */
export function importWorkers(file, { orgId, validOnly = false, dryRun = false } = {}, { onProgress, ...config } = {}) {
  const form = new FormData()
  form.append('file', file)
  return http.post('/medical-workers/import', form, {
    // a big sheet takes a while to check and save
    timeout: 180000,
    ...config,
    params: { orgId, validOnly: validOnly ? true : undefined, dryRun: dryRun ? true : undefined },
    onUploadProgress: (event) => {
      if (!onProgress) return
      const percent = event.total ? Math.round((event.loaded * 100) / event.total) : (event.progress ?? 0) * 100
      onProgress(Math.min(100, Math.max(0, Math.round(percent))))
    },
  })
}

/** Saves the workers matching the list filters as .xlsx (personal fields masked). */
export function exportWorkers(params, config) {
  return download('/medical-workers/export', '一线医护人员信息.xlsx', { ...config, params, timeout: 120000 })
}

/**
 * Saves the same export in clear. The reason is required; every exported person gets an access
 * record with it, like a reveal (403 for roles that may not see personal data).
 */
export function exportWorkersClear(params, reason, config) {
  return download('/medical-workers/export-clear', '一线医护人员信息（原文）.xlsx', {
    ...config,
    method: 'post',
    data: { reason },
    params,
    timeout: 120000,
  })
}
