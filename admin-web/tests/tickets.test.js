import { describe, expect, it } from 'vitest'
import {
  actionsForState,
  CHANNEL_OPTIONS,
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

describe('actions per state (the backend state table)', () => {
  it.each([
    ['SUBMITTED', ['accept', 'reject', 'close']],
    ['ACCEPTED', ['open', 'complete', 'reject', 'close']],
    ['OPEN', ['close']],
    ['DISPATCHED', ['complete', 'close']],
    ['CLAIMED', ['complete', 'close']],
    ['IN_PROGRESS', ['complete', 'close']],
    ['DONE', []],
    ['CONFIRMED', []],
    ['CANCELLED', []],
    ['REJECTED', []],
    ['CLOSED', []],
  ])('%s allows %j', (status, expected) => {
    expect(actionsForState(ticket(status))).toEqual(expected)
  })

  it('offers opening a text under review: opening is the staff member reading it', () => {
    expect(actionsForState(ticket('ACCEPTED', { contentCheck: 'REVIEW' }))).toEqual(['open', 'complete', 'reject', 'close'])
    expect(actionsForState(ticket('ACCEPTED', { contentCheck: 'CLEARED' }))).toContain('open')
    // accepting is how staff clear a text under review
    expect(actionsForState(ticket('SUBMITTED', { contentCheck: 'REVIEW' }))).toContain('accept')
  })

  it('knows nothing without a request', () => {
    expect(actionsForState(null)).toEqual([])
    expect(actionsForState({})).toEqual([])
  })
})

describe('actions per role', () => {
  it.each([
    [['SUPER_ADMIN'], true],
    [['ORG_ADMIN'], true],
    [['DISPATCHER'], true],
    [['VIEWER'], false],
    [['VIEWER', 'DISPATCHER'], true],
    [[], false],
  ])('%j may handle requests: %s', (roles, allowed) => {
    expect(ticketActions(ticket('SUBMITTED'), roles)).toEqual(allowed ? ['accept', 'reject', 'close'] : [])
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
