import { describe, expect, it } from 'vitest'
import {
  CHANNEL_OPTIONS,
  defaultDeadline,
  isFuture,
  TICKET_ACTIONS,
  channelLabel,
  closeReasonLabel,
  contactMethodLabel,
  contentCheckLabel,
  formatTimeWindow,
  STAFF_CLOSE_REASON_OPTIONS,
  statusLabel,
  TICKET_CATEGORY_OPTIONS,
  TICKET_STATUS_OPTIONS,
  TICKET_STATUS_TAG_TYPES,
  ticketActions,
  transitionText,
  URGENCY_OPTIONS,
  urgencyLabel,
} from '@/utils/tickets'
import { shanghaiDate, shanghaiDateTime } from '@/utils/format'

const ticket = (status, overrides = {}) => ({ id: 1, status, contentCheck: 'PASS', ...overrides })

describe('ticket labels', () => {
  it('label every backend enum in Chinese', () => {
    expect(TICKET_STATUS_OPTIONS.map((o) => o.value)).toEqual([
      'SUBMITTED', 'ACCEPTED', 'OPEN', 'DISPATCHED', 'CLAIMED', 'IN_PROGRESS', 'DONE', 'CONFIRMED', 'CANCELLED', 'REJECTED', 'CLOSED',
    ])
    expect(TICKET_STATUS_OPTIONS.every((o) => TICKET_STATUS_TAG_TYPES[o.value])).toBe(true)
    expect(TICKET_CATEGORY_OPTIONS.map((o) => o.label)).toEqual([
      '生活物资', '专项资金', '交通出行', '代购代办', '送餐', '老人或儿童照护', '课业辅导', '心理疏导', '其他',
    ])
    expect(URGENCY_OPTIONS.map((o) => o.label)).toEqual(['一般', '紧急', '危急'])
    expect(CHANNEL_OPTIONS.map((o) => o.label)).toEqual(['小程序', '12355 热线', '微信群', '走访', '一家一策'])
    expect(statusLabel('OPEN')).toBe('待志愿者认领')
    expect(statusLabel('DONE')).toBe('已完成待确认')
    expect(urgencyLabel('CRISIS')).toBe('危急')
    expect(channelLabel('HOTLINE_12355')).toBe('12355 热线')
    expect(contactMethodLabel('IN_APP_ONLY')).toBe('仅在小程序内联系')
    expect(closeReasonLabel('DONE_BY_OTHERS')).toBe('已由其他渠道解决')
    expect(contentCheckLabel('REVIEW')).toBe('待审核')
    expect(contentCheckLabel('PENDING')).toBe('检测中')
  })

  it('show unknown codes as they are and nothing for no code', () => {
    expect(statusLabel('ESCALATED')).toBe('ESCALATED')
    expect(channelLabel(null)).toBe('')
    expect(urgencyLabel(undefined)).toBe('')
  })

  it('offer staff only the two close reasons they may pick', () => {
    expect(STAFF_CLOSE_REASON_OPTIONS).toEqual([
      { value: 'DUPLICATE', label: '重复提交' },
      { value: 'DONE_BY_OTHERS', label: '已由其他渠道解决' },
    ])
  })
})

describe('actions (the backend decides: ticket.actions)', () => {
  it('offers exactly the backend actions the board knows, in board order', () => {
    expect(ticketActions(ticket('ACCEPTED', { actions: ['CLOSE', 'DISPATCH', 'REJECT', 'OPEN', 'COMPLETE'] }))).toEqual([
      'DISPATCH', 'OPEN', 'COMPLETE', 'REJECT', 'CLOSE',
    ])
    expect(ticketActions(ticket('DISPATCHED', { actions: ['DISPATCH_ACCEPT', 'PASS_BACK', 'CHANGE_DEADLINE'] }))).toEqual([
      'DISPATCH_ACCEPT', 'CHANGE_DEADLINE', 'PASS_BACK',
    ])
    expect(ticketActions(ticket('DONE', { actions: ['FOLLOW_UP'] }))).toEqual(['FOLLOW_UP'])
  })

  it('ignores what it does not know, and offers nothing without actions, whatever the state', () => {
    expect(ticketActions(ticket('OPEN', { actions: ['TAKE_OVER', 'ASSIGN'] }))).toEqual(['ASSIGN'])
    expect(ticketActions(ticket('SUBMITTED'))).toEqual([])
    expect(ticketActions(ticket('SUBMITTED', { actions: [] }))).toEqual([])
    expect(ticketActions(null)).toEqual([])
  })

  it('labels every action in Chinese', () => {
    expect(Object.values(TICKET_ACTIONS).map((a) => a.label)).toEqual([
      '受理', '派单', '接单', '发布给志愿者', '指派志愿者', '调整期限', '直接办结', '记录回访', '退回派单', '不予受理', '关闭',
    ])
  })
})

describe('deadlines', () => {
  it('defaults to 24 hours ahead, to the minute, as Beijing wall-clock time whatever the browser\'s zone', () => {
    expect(defaultDeadline(new Date('2026-11-25T01:30:12Z'))).toBe('2026-11-26T09:30:00')
    // 20:00 UTC is already the next day in Beijing
    expect(defaultDeadline(new Date('2026-11-25T20:05:00Z'))).toBe('2026-11-27T04:05:00')
    expect(shanghaiDate(new Date('2026-11-25T20:05:00Z'))).toBe('2026-11-26')
    expect(shanghaiDateTime(new Date('2026-01-01T19:04:05Z'))).toBe('2026-01-02T03:04:05')
  })

  it('knows whether a deadline is still ahead', () => {
    const now = new Date('2026-11-25T01:30:00Z') // 09:30 in Beijing
    expect(isFuture('2026-11-25T09:31:00', now)).toBe(true)
    expect(isFuture('2026-11-25T09:29:00', now)).toBe(false)
    expect(isFuture('', now)).toBe(false)
    expect(isFuture('nonsense', now)).toBe(false)
  })
})

describe('formatTimeWindow', () => {
  it('writes a window on one day compactly, and both days otherwise', () => {
    expect(formatTimeWindow({ start: '2026-11-28T11:00:00', end: '2026-11-28T12:30:00' })).toBe('2026-11-28 11:00–12:30')
    expect(formatTimeWindow({ start: '2026-11-28T20:00:00', end: '2026-11-29T08:00:00' })).toBe('2026-11-28 20:00 – 2026-11-29 08:00')
    expect(formatTimeWindow({ start: '2026-11-28T09:00:00' })).toBe('2026-11-28 09:00 起')
    expect(formatTimeWindow(null)).toBe('')
    expect(formatTimeWindow(undefined)).toBe('')
  })
})

describe('transitionText', () => {
  it('shows a move as from → to, and the first step by its new state', () => {
    expect(transitionText({ fromStatus: 'SUBMITTED', toStatus: 'ACCEPTED' })).toBe('已提交 → 已受理')
    expect(transitionText({ toStatus: 'SUBMITTED' })).toBe('已提交')
    expect(transitionText({})).toBe('')
  })
})
