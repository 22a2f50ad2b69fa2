import { download, http } from './request'

// The daily ledger (工作台账): every need of a day in the caller's subtree (or an org of it).

/** {orgId, orgName, date, live, newTotal, newByCategory, newByChannel, accepted, dispatched, …} */
export function getLedger(params) {
  return http.get('/ledger', { params })
}

/** Open requests by status now: [{status, label, count}]. */
export function getLedgerStatus(params) {
  return http.get('/ledger/status', { params })
}

/** [{date, newTotal, done, confirmed, overdue, openAtEnd}], oldest first. */
export function getLedgerTrend(params) {
  return http.get('/ledger/trend', { params })
}

/** The requests behind one figure: {date, orgId, figure, page, size} → PageView of TicketView (masked). */
export function drillLedger(params) {
  return http.get('/ledger/drill', { params })
}

/** The day's ledger as .xlsx under the server's file name. */
export function downloadLedgerExcel(params, config = {}) {
  return download('/ledger/excel', `工作台账-${params.date || ''}.xlsx`, { params, ...config })
}
