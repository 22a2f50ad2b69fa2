// Volunteers, the protection quiz and 手拉手 pairing: labels of the enums the API sends, and the duty
// gate as the list shows it. Mirrors the backend's VolunteerStatus, Skill and Pairing.PartnerKind.

const options = (labels) => Object.freeze(Object.entries(labels).map(([value, label]) => ({ value, label })))
const label = (labels, code) => (code ? labels[code] || code : '')

export const VOLUNTEER_STATUS_LABELS = Object.freeze({ PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过' })
export const VOLUNTEER_STATUS_OPTIONS = options(VOLUNTEER_STATUS_LABELS)
export const VOLUNTEER_STATUS_TAG_TYPES = Object.freeze({ PENDING: 'warning', APPROVED: 'success', REJECTED: 'info' })
export const volunteerStatusLabel = (code) => label(VOLUNTEER_STATUS_LABELS, code)

export const SKILL_LABELS = Object.freeze({
  DRIVER: '有车司机',
  TUTOR: '课业辅导',
  PSYCHOLOGIST: '心理咨询师',
  SHOPPING: '代购配送',
  ELDERLY_CARE: '老人照护',
  MEDICAL: '医疗护理',
})
export const SKILL_OPTIONS = options(SKILL_LABELS)
export const skillLabel = (code) => label(SKILL_LABELS, code)

/** Skills in the order of SKILL_LABELS (the API sends a set), unknown codes last. */
export function skillLabels(skills) {
  const list = Array.isArray(skills) ? skills : []
  const order = Object.keys(SKILL_LABELS)
  const rank = (s) => (order.includes(s) ? order.indexOf(s) : order.length)
  return [...list].sort((a, b) => rank(a) - rank(b)).map(skillLabel)
}

/** The three conditions of the duty gate (seed 003), in the order the list shows them. */
export const DUTY_CONDITIONS = Object.freeze([
  { key: 'APPROVAL', label: '审核', met: '已通过审核' },
  { key: 'TRAINING', label: '培训', met: '已通过防护培训测试' },
  { key: 'INSURANCE', label: '保险', met: '人身意外险在有效期内' },
])

/**
 * The duty gate as three indicators: [{key, label, met, message}]. `message` is the API's reason when
 * the condition is unmet, else what was met. Without a gate every condition counts as unmet.
 */
export function dutyIndicators(gate) {
  const unmet = Array.isArray(gate?.unmet) ? gate.unmet : null
  return DUTY_CONDITIONS.map((c) => {
    const reason = unmet?.find((u) => u.condition === c.key)
    const met = unmet !== null && !reason
    return { key: c.key, label: c.label, met, message: met ? c.met : reason?.message || '状态未知' }
  })
}

/** Whether the volunteer may take tasks now. */
export const onDuty = (gate) => gate?.open === true

/** Review actions the status allows: approve unless approved, reject unless rejected (a review can be redone). */
export function reviewActions(status) {
  if (!status) return []
  return [status !== 'APPROVED' && 'approve', status !== 'REJECTED' && 'reject'].filter(Boolean)
}

/** 'YYYY-MM-DD' of today in the browser's calendar. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Insurance as a tag: none, valid until …, or expired (the API's duty gate says the same). */
export function insuranceState(until, todayText = today()) {
  if (!until) return { type: 'info', text: '未登记' }
  const day = String(until).slice(0, 10)
  return day < todayText ? { type: 'danger', text: `已于 ${day} 到期` } : { type: 'success', text: `${day} 到期` }
}

/** Hours as the API sends them (a decimal such as 1.50): "1.5 小时". */
export function formatHours(hours) {
  const n = Number(hours)
  if (hours === null || hours === undefined || hours === '' || !Number.isFinite(n)) return '—'
  return `${Number(n.toFixed(2))} 小时`
}

// --- protection quiz

export const QUESTION_CHOICES_MIN = 2
export const QUESTION_CHOICES_MAX = 6

/** 0 → A, 1 → B … */
export const choiceLetter = (index) => String.fromCharCode(65 + Number(index))

// --- 手拉手 pairing

export const PARTNER_KIND_LABELS = Object.freeze({ VOLUNTEER: '志愿者', CADRE: '干部' })
export const PARTNER_KIND_OPTIONS = options(PARTNER_KIND_LABELS)
export const partnerKindLabel = (code) => label(PARTNER_KIND_LABELS, code)

/** A share in percent (the API sends 0–100 with one decimal) as a number the progress bar takes. */
export function sharePercent(share) {
  const n = Number(share)
  if (!Number.isFinite(n)) return 0
  return Math.min(100, Math.max(0, n))
}

/** Distance of a suggestion: "3.2 公里", or "—" when the family has no location. */
export function formatDistance(km) {
  const n = Number(km)
  if (km === null || km === undefined || km === '' || !Number.isFinite(n)) return '—'
  return `${n} 公里`
}

/** Coverage summed over the districts: {families, paired, share}. */
export function coverageTotal(rows) {
  const list = Array.isArray(rows) ? rows : []
  const families = list.reduce((sum, r) => sum + (Number(r.families) || 0), 0)
  const paired = list.reduce((sum, r) => sum + (Number(r.paired) || 0), 0)
  const share = families === 0 ? 0 : Math.round((paired * 1000) / families) / 10
  return { families, paired, share }
}
