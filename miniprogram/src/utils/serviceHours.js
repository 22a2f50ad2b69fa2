// Service hours as the volunteer reads them: which entries count, and who confirmed each.

/** Hours as the server sent them ("0.50" → "0.5"). */
export const fmtHours = (h) => String(Number(h))

/** Certificates state counted hours only (family-confirmed or staff-checked): until one counts, nothing to download. */
export const hasCountedHours = (entries) => (entries || []).some((e) => e.counted !== false)

/** "2026-12-01 · 家属确认", in the server's words. */
export const entryNote = (e) => (e.confirmationLabel ? `${e.servedOn} · ${e.confirmationLabel}` : e.servedOn)

/** "0.5 小时（未计入）" for an entry waiting for a staff check or refused. */
export const entryHours = (e) => `${fmtHours(e.hours)} 小时${e.counted === false ? '（未计入）' : ''}`

/** The line under the total about hours waiting for a staff check, or '' when none wait. */
export function pendingLine(pendingHours) {
  const n = Number(pendingHours || 0)
  return n > 0 ? `另有 ${fmtHours(n)} 小时待工作人员核实：家属 72 小时未确认的任务，核实后计入` : ''
}
