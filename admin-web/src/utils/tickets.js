import { shanghaiDateTime } from './format'

// Help requests (求助工单): labels of every enum the API sends, and the staff actions a request
// offers. The backend decides the offered moves (`ticket.actions`) and answers 409
// TICKET_STATE_CONFLICT when the state moved on meanwhile.
const options = (labels) => Object.freeze(Object.entries(labels).map(([value, label]) => ({ value, label })))

export const TICKET_STATUS_LABELS = Object.freeze({
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  OPEN: '待志愿者认领',
  DISPATCHED: '已派单',
  CLAIMED: '已认领',
  IN_PROGRESS: '服务中',
  DONE: '已完成待确认',
  CONFIRMED: '已确认',
  CANCELLED: '已取消',
  REJECTED: '未受理',
  CLOSED: '已关闭',
})
export const TICKET_STATUS_OPTIONS = options(TICKET_STATUS_LABELS)

/** el-tag type per status: waiting on staff stands out, finished states fade. */
export const TICKET_STATUS_TAG_TYPES = Object.freeze({
  SUBMITTED: 'warning',
  ACCEPTED: 'primary',
  OPEN: 'primary',
  DISPATCHED: 'primary',
  CLAIMED: 'primary',
  IN_PROGRESS: 'primary',
  DONE: 'success',
  CONFIRMED: 'success',
  CANCELLED: 'info',
  REJECTED: 'info',
  CLOSED: 'info',
})

/** States that end a request: nothing more happens to it. */
export const FINISHED_STATUSES = Object.freeze(['CONFIRMED', 'CANCELLED', 'REJECTED', 'CLOSED'])

export const TICKET_CATEGORY_LABELS = Object.freeze({
  SUPPLIES: '生活物资',
  SPECIAL_FUND: '专项资金',
  TRANSPORT: '交通出行',
  DAILY_LIVING: '代购代办',
  MEALS: '送餐',
  CARE: '老人或儿童照护',
  TUTORING: '课业辅导',
  PSYCHOLOGICAL: '心理疏导',
  OTHER: '其他',
})
export const TICKET_CATEGORY_OPTIONS = options(TICKET_CATEGORY_LABELS)

export const URGENCY_LABELS = Object.freeze({ NORMAL: '一般', URGENT: '紧急', CRISIS: '危急' })
export const URGENCY_OPTIONS = options(URGENCY_LABELS)
export const URGENCY_TAG_TYPES = Object.freeze({ NORMAL: 'info', URGENT: 'warning', CRISIS: 'danger' })

export const CHANNEL_LABELS = Object.freeze({
  MINI_PROGRAM: '小程序',
  HOTLINE_12355: '12355 热线',
  WECHAT_GROUP: '微信群',
  VISIT: '走访',
  CARE_PLAN: '一家一策',
})
export const CHANNEL_OPTIONS = options(CHANNEL_LABELS)

export const CONTACT_METHOD_LABELS = Object.freeze({
  PHONE_CALL: '电话',
  TEXT_MESSAGE: '短信',
  WECHAT: '微信',
  IN_APP_ONLY: '仅在小程序内联系',
})

export const CLOSE_REASON_LABELS = Object.freeze({
  CANCELLED_BY_FAMILY: '家属取消',
  REJECTED_BY_STAFF: '工作人员不予受理',
  DUPLICATE: '重复提交',
  DONE_BY_OTHERS: '已由其他渠道解决',
})
/** The reasons staff may pick when closing (the other two are set by cancel and reject). */
export const STAFF_CLOSE_REASON_OPTIONS = Object.freeze([
  { value: 'DUPLICATE', label: CLOSE_REASON_LABELS.DUPLICATE },
  { value: 'DONE_BY_OTHERS', label: CLOSE_REASON_LABELS.DONE_BY_OTHERS },
])

/** WeChat content security: PENDING (checked seconds after submission), PASS, REVIEW (waits for staff), CLEARED (staff read it). */
export const CONTENT_CHECK_LABELS = Object.freeze({
  PENDING: '检测中',
  PASS: '已通过检测',
  REVIEW: '待审核',
  CLEARED: '已审核',
})

const label = (labels, code) => (code ? labels[code] || code : '')

export const statusLabel = (code) => label(TICKET_STATUS_LABELS, code)
export const categoryLabel = (code) => label(TICKET_CATEGORY_LABELS, code)
export const urgencyLabel = (code) => label(URGENCY_LABELS, code)
export const channelLabel = (code) => label(CHANNEL_LABELS, code)
export const contactMethodLabel = (code) => label(CONTACT_METHOD_LABELS, code)
export const closeReasonLabel = (code) => label(CLOSE_REASON_LABELS, code)
export const contentCheckLabel = (code) => label(CONTENT_CHECK_LABELS, code)

/**
 * The staff actions of the board, in the order their buttons show, keyed by the backend's action
 * names. Which of them a request offers is the backend's call: it sends `ticket.actions`, the moves
 * the signed-in member may make now (state, role, and whether their unit is the responsible one).
 */
export const TICKET_ACTIONS = Object.freeze({
  ACCEPT: { label: '受理', type: 'primary' },
  DISPATCH: { label: '派单', type: 'primary' },
  DISPATCH_ACCEPT: { label: '接单', type: 'primary' },
  OPEN: { label: '发布给志愿者', type: 'primary' },
  ASSIGN: { label: '指派志愿者', type: 'primary', plain: true },
  CHANGE_DEADLINE: { label: '调整期限', type: 'primary', plain: true },
  COMPLETE: { label: '直接办结', type: 'primary', plain: true },
  FOLLOW_UP: { label: '记录回访', type: 'primary' },
  PASS_BACK: { label: '退回派单', type: 'warning', plain: true },
  REJECT: { label: '不予受理', type: 'danger', plain: true },
  CLOSE: { label: '关闭', type: 'danger', plain: true },
})

/** The buttons to show for a request: exactly the backend's `actions` the board knows, in board order. */
export function ticketActions(ticket) {
  const offered = Array.isArray(ticket?.actions) ? ticket.actions : []
  return Object.keys(TICKET_ACTIONS).filter((key) => offered.includes(key))
}

export const DISPATCH_STATE_LABELS = Object.freeze({ PENDING: '待接单', ACCEPTED: '已接单' })

/** Outcomes of a follow-up call (回访). */
export const FOLLOW_UP_OUTCOME_LABELS = Object.freeze({
  CONFIRMED: '家属确认已解决',
  NOT_REACHED: '未联系上',
  PROBLEM: '仍有问题',
})
export const FOLLOW_UP_OUTCOME_OPTIONS = options(FOLLOW_UP_OUTCOME_LABELS)

/** Channels staff take needs from (the mini-program and standing plans submit by themselves). */
export const INTAKE_CHANNEL_OPTIONS = Object.freeze(
  ['HOTLINE_12355', 'WECHAT_GROUP', 'VISIT'].map((value) => ({ value, label: CHANNEL_LABELS[value] })),
)
export const CONTACT_METHOD_OPTIONS = options(CONTACT_METHOD_LABELS)

/** The default completion deadline of a dispatch: 24 hours from now, to the minute, Beijing wall-clock. */
export function defaultDeadline(now = new Date()) {
  return `${shanghaiDateTime(new Date(now.getTime() + 24 * 3600 * 1000)).slice(0, 16)}:00`
}

/** Whether a Beijing wall-clock "YYYY-MM-DDTHH:mm[:ss]" lies in the future. */
export function isFuture(value, now = new Date()) {
  const m = String(value || '').match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?/)
  if (!m) return false
  return `${m[1]}T${m[2]}${m[3] || ':00'}` > shanghaiDateTime(now)
}

function clock(value) {
  const m = String(value || '').match(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/)
  return m ? { day: m[1], time: m[2] } : null
}

/** {start, end} → "2026-11-28 11:00–12:30" (the end's day only when it differs); '' without a window. */
export function formatTimeWindow(window) {
  const start = clock(window?.start)
  if (!start) return ''
  const end = clock(window.end)
  if (!end) return `${start.day} ${start.time} 起`
  return end.day === start.day ? `${start.day} ${start.time}–${end.time}` : `${start.day} ${start.time} – ${end.day} ${end.time}`
}

/** A history step's move: "已提交 → 已受理", or just the new state for the first step. */
export function transitionText(event) {
  const to = statusLabel(event?.toStatus)
  const from = statusLabel(event?.fromStatus)
  if (from && to) return `${from} → ${to}`
  return to
}
