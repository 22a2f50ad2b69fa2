import { download, http } from './request'

/**
 * Seed 003 annex 1 for the caller's jurisdiction as at the end of `asOf` (YYYY-MM-DD, Shanghai; default
 * today): {title, asOf, batches, batchLabels, rows: [{seq, orgId, district, overall: {total, aidedHubei},
 * batches: [{total, aidedHubei}]}], total}. `seq` is null for "（本级）" rows. A future day → 400.
 */
export function getDistrictStatistics(asOf) {
  return http.get('/statistics/districts', { params: { asOf: asOf || undefined } })
}

/** Saves the same table as .xlsx, laid out like the annex. */
export function downloadDistrictStatistics(asOf, config) {
  const name = `一线医护人员信息统计表${asOf ? `-${asOf}` : ''}.xlsx`
  return download('/statistics/districts/excel', name, { ...config, params: { asOf: asOf || undefined } })
}
