// 一家一策: a family's standing weekly plan. The API takes days of the week as 1 (周一) … 7 (周日),
// the service time as "HH:mm", the duration in minutes (15–480) and how many hours ahead each
// occurrence's task opens to volunteers (1–72).
import { TICKET_CATEGORY_OPTIONS } from './tickets'

export const WEEKDAY_OPTIONS = Object.freeze(
  ['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((label, i) => ({ value: i + 1, label })),
)

/** Categories a weekly task for volunteers makes sense for: everything but a special fund. */
export const CARE_PLAN_CATEGORY_OPTIONS = Object.freeze(TICKET_CATEGORY_OPTIONS.filter((o) => o.value !== 'SPECIAL_FUND'))

export const DURATION_MIN = 15
export const DURATION_MAX = 480
export const LEAD_HOURS_MIN = 1
export const LEAD_HOURS_MAX = 72
export const DESCRIPTION_MIN = 5
export const DESCRIPTION_MAX = 500

/** [1, 3, 5] → "周一、周三、周五"; every day → "每天"; Monday to Friday → "工作日（周一至周五）". */
export function formatDays(days) {
  const list = [...new Set((Array.isArray(days) ? days : []).map(Number))].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b)
  if (!list.length) return '—'
  if (list.length === 7) return '每天'
  if (list.join() === '1,2,3,4,5') return '工作日（周一至周五）'
  if (list.join() === '6,7') return '周末'
  return list.map((d) => WEEKDAY_OPTIONS[d - 1].label).join('、')
}

/** "19:00:00" or "19:00" → "19:00"; '' for nothing. */
export function formatServiceTime(value) {
  const m = String(value ?? '').match(/^(\d{1,2}):(\d{2})/)
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : ''
}

/** 90 → "1 小时 30 分钟", 60 → "1 小时", 45 → "45 分钟". */
export function formatDuration(minutes) {
  const n = Number(minutes)
  if (!Number.isFinite(n) || n <= 0) return '—'
  const h = Math.floor(n / 60)
  const m = n % 60
  return [h && `${h} 小时`, m && `${m} 分钟`].filter(Boolean).join(' ')
}

/** One line for a plan: "每周 周一、周三 19:00，1 小时，提前 24 小时发布". */
export function planSchedule(plan) {
  if (!plan) return ''
  return `每周 ${formatDays(plan.daysOfWeek)} ${formatServiceTime(plan.serviceTime)}，${formatDuration(plan.durationMinutes)}，提前 ${plan.leadHours} 小时发布`
}

/** The form as the API takes it: days sorted, text trimmed, numbers as numbers. */
export function planRequest(form) {
  return {
    category: form.category,
    description: String(form.description ?? '').trim(),
    daysOfWeek: [...new Set(form.daysOfWeek.map(Number))].sort((a, b) => a - b),
    serviceTime: formatServiceTime(form.serviceTime),
    durationMinutes: Number(form.durationMinutes),
    leadHours: Number(form.leadHours),
  }
}
