// The demand report form: rows of supplies and needs in words, checked and normalised before sending.
// The limits mirror DemandReportRequest; the server checks them again and its message wins.

export const LIMITS = { supplies: 30, needs: 10, name: 64, unit: 8, spec: 64, need: 64, quantity: 9999999 }

let seq = 0
/** A blank supply row; `rowId` keys the row in the template and is never sent. */
export const blankSupply = () => ({ rowId: `s${++seq}`, name: '', quantity: '', unit: '', spec: '', urgency: 'NORMAL' })
export const blankNeed = () => ({ rowId: `n${++seq}`, text: '' })

const trim = (s) => (s === null || s === undefined ? '' : String(s).trim())
const supplyBlank = (r) => !trim(r.name) && trim(r.quantity) === '' && !trim(r.unit) && !trim(r.spec)

/**
 * Checks the rows and builds the request body. Wholly blank rows are dropped; errors are keyed by
 * the row's index in the form (not in the body), so each shows under its own row.
 * Returns { body: {supplies, needs} | null, errors: {'supplies[0].quantity': '…', form: '…'} }.
 */
export function normaliseReport({ supplies = [], needs = [] }) {
  const errors = {}
  const outSupplies = []
  supplies.forEach((r, i) => {
    if (supplyBlank(r)) return
    const at = `supplies[${i}]`
    const name = trim(r.name)
    const qText = trim(r.quantity)
    const quantity = Number(qText)
    if (!name) errors[`${at}.name`] = '请填写物资名称'
    else if (name.length > LIMITS.name) errors[`${at}.name`] = `物资名称最多 ${LIMITS.name} 个字`
    if (qText === '') errors[`${at}.quantity`] = '请填写数量'
    else if (!/^\d+$/.test(qText) || quantity < 1) errors[`${at}.quantity`] = '数量须为正整数'
    else if (quantity > LIMITS.quantity) errors[`${at}.quantity`] = '数量过大'
    const unit = trim(r.unit)
    if (unit.length > LIMITS.unit) errors[`${at}.unit`] = `单位最多 ${LIMITS.unit} 个字`
    const spec = trim(r.spec)
    if (spec.length > LIMITS.spec) errors[`${at}.spec`] = `规格最多 ${LIMITS.spec} 个字`
    outSupplies.push({ name, quantity, unit: unit || null, spec: spec || null, urgency: r.urgency || 'NORMAL' })
  })
  const outNeeds = []
  needs.forEach((n, i) => {
    const text = trim(n.text)
    if (!text) return
    if (text.length > LIMITS.need) errors[`needs[${i}]`] = `每项需求最多 ${LIMITS.need} 个字`
    outNeeds.push(text)
  })
  if (outSupplies.length > LIMITS.supplies) errors.form = `一次最多报告 ${LIMITS.supplies} 项物资`
  else if (outNeeds.length > LIMITS.needs) errors.form = `一次最多 ${LIMITS.needs} 项文字需求`
  else if (!outSupplies.length && !outNeeds.length) errors.form = '请至少填写一项物资或需求'
  return Object.keys(errors).length ? { body: null, errors } : { body: { supplies: outSupplies, needs: outNeeds }, errors }
}

/** Form rows from a report read back (DemandReportView), so the day's latest report can be amended. */
export function rowsFromReport(report) {
  const items = (report && report.items) || []
  const supplies = items.filter((i) => i.kind === 'SUPPLY').map((i) => ({
    ...blankSupply(), name: i.name || '', quantity: i.quantity == null ? '' : String(i.quantity),
    unit: i.unit || '', spec: i.spec || '', urgency: i.urgency || 'NORMAL'
  }))
  const needs = items.filter((i) => i.kind !== 'SUPPLY').map((i) => ({ ...blankNeed(), text: i.name || '' }))
  return { supplies: supplies.length ? supplies : [blankSupply()], needs }
}

/** The report of a given day (YYYY-MM-DD) among the recent ones (newest first), or null. */
export const reportOf = (reports, day) => (reports || []).find((r) => r.date === day) || null

/** "已送达 120/200 个", or "已全部送达". */
export function deliveryText(item) {
  if (item.kind !== 'SUPPLY' || !item.quantity) return ''
  const delivered = item.delivered || 0
  if (delivered >= item.quantity) return '已全部送达'
  return `已送达 ${delivered}/${item.quantity}${item.unit ? ' ' + item.unit : ''}`
}

/** The team a user reports for: the page's teamId, else their only TEAM_CONTACT role's subject; null if none or several. */
export function teamIdFor(queryTeamId, roles) {
  if (queryTeamId) return Number(queryTeamId)
  const teams = (roles || []).filter((r) => r.kind === 'TEAM_CONTACT')
  return teams.length === 1 ? teams[0].subjectId : null
}

/** Today as YYYY-MM-DD in Beijing time, whatever the phone's time zone. */
export function beijingToday(now = new Date()) {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}
