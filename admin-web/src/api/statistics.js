import { download, http } from './request'

/**
 * Seed 003 annex 1 for the caller's jurisdiction: {asOf, batches, batchLabels,
 * rows: [{seq, orgId, district, overall: {total, aidedHubei}, batches: [{total, aidedHubei}]}], total}.
 */
export function getDistrictStatistics() {
  return http.get('/statistics/districts')
}

/** Saves the same table as .xlsx, laid out like the annex. */
export function downloadDistrictStatistics(config) {
  return download('/statistics/districts/excel', '一线医护人员信息统计表.xlsx', config)
}
