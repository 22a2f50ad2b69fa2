import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { bindSession } from '@/api/request'
import {
  acceptDispatch,
  approveTakeover,
  assignVolunteer,
  changeDeadline,
  declineTakeover,
  dispatchTicket,
  intakeTicket,
  listAssignableVolunteers,
  listDispatchUnits,
  listFollowUps,
  listTakeovers,
  listTickets,
  openTicket,
  passBackDispatch,
  recordFollowUp,
  requestTakeover,
} from '@/api/tickets'
import { searchFamilies } from '@/api/families'
import { drillLedger, getLedger, getLedgerStatus, getLedgerTrend } from '@/api/ledger'
import { createStory, listStories, publishStory, storyPhotoPolicy, updateStory, withdrawStory } from '@/api/stories'
import {
  getPromptSchedule,
  issueTeamInviteCode,
  listTeamBindings,
  listTeamPrompts,
  listTeamReports,
  recordItemDelivery,
  updatePromptSchedule,
} from '@/api/medicalTeams'
import { useSessionStore } from '@/stores/session'
import { uuid } from '@/utils/uuid'
import { fakeBackend, makeRouter } from './helpers'

beforeEach(() => {
  setActivePinia(createPinia())
  const session = useSessionStore()
  bindSession({ session, router: makeRouter() })
  session.token = 'tok-9'
})

/** Calls `fn` against a backend that answers {} and returns the one request it made. */
async function requestOf(fn) {
  const calls = fakeBackend(() => ({ data: {} }))
  await fn()
  expect(calls).toHaveLength(1)
  const { method, url, params, data, headers } = calls[0]
  expect(headers.Authorization).toBe('Bearer tok-9')
  return { method, url, params, data, headers }
}

describe('the dispatch, follow-up and take-over API', () => {
  it.each([
    ['board filters', () => listTickets({ overdue: true, district: '天河区', assigned: 'mine' }), 'GET', '/tickets', undefined, { overdue: true, district: '天河区', assigned: 'mine' }],
    ['dispatch units', () => listDispatchUnits(), 'GET', '/tickets/dispatch-units'],
    ['dispatch', () => dispatchTicket(3, { unitOrgId: 21, deadline: '2026-11-26T10:00:00', note: null }), 'POST', '/tickets/3/dispatch', { unitOrgId: 21, deadline: '2026-11-26T10:00:00', note: null }],
    ['accept dispatch', () => acceptDispatch(3), 'POST', '/tickets/3/dispatch/accept', {}],
    ['pass back', () => passBackDispatch(3, { reason: '不在本区' }), 'POST', '/tickets/3/dispatch/pass-back', { reason: '不在本区' }],
    ['deadline', () => changeDeadline(3, { deadline: '2026-11-27T10:00:00', note: null }), 'POST', '/tickets/3/dispatch/deadline', { deadline: '2026-11-27T10:00:00', note: null }],
    ['open', () => openTicket(3, { note: null, ownVolunteersOnly: true }), 'POST', '/tickets/3/open', { note: null, ownVolunteersOnly: true }],
    ['assignable', () => listAssignableVolunteers(3), 'GET', '/tickets/3/assignable-volunteers'],
    ['assign', () => assignVolunteer(3, { volunteerId: 8, note: null }), 'POST', '/tickets/3/assign', { volunteerId: 8, note: null }],
    ['follow-up list', () => listFollowUps({ page: 2, size: 10 }), 'GET', '/tickets/follow-ups', undefined, { page: 2, size: 10 }],
    ['follow-up', () => recordFollowUp(3, { outcome: 'PROBLEM', rating: null, note: '菜不新鲜' }), 'POST', '/tickets/3/follow-ups', { outcome: 'PROBLEM', rating: null, note: '菜不新鲜' }],
    ['take-overs', () => listTakeovers({ status: 'PENDING' }), 'GET', '/tickets/takeovers', undefined, { status: 'PENDING' }],
    ['take-over request', () => requestTakeover({ ticketId: 5, reason: '更近' }), 'POST', '/tickets/takeovers', { ticketId: 5, reason: '更近' }],
    ['approve', () => approveTakeover(2), 'POST', '/tickets/takeovers/2/approve', {}],
    ['decline', () => declineTakeover(2, { note: '已安排' }), 'POST', '/tickets/takeovers/2/decline', { note: '已安排' }],
    ['family search', () => searchFamilies('张丽'), 'GET', '/families/search', undefined, { q: '张丽' }],
    ['ledger', () => getLedger({ date: '2026-11-25', orgId: 2 }), 'GET', '/ledger', undefined, { date: '2026-11-25', orgId: 2 }],
    ['ledger status', () => getLedgerStatus(), 'GET', '/ledger/status'],
    ['ledger trend', () => getLedgerTrend({ days: 14 }), 'GET', '/ledger/trend', undefined, { days: 14 }],
    ['drill', () => drillLedger({ date: '2026-11-25', figure: 'channel:VISIT', page: 1, size: 20 }), 'GET', '/ledger/drill', undefined, { date: '2026-11-25', figure: 'channel:VISIT', page: 1, size: 20 }],
    ['stories', () => listStories({ status: 'DRAFT', page: 1, size: 20 }), 'GET', '/stories', undefined, { status: 'DRAFT', page: 1, size: 20 }],
    ['new story', () => createStory({ title: 't' }), 'POST', '/stories', { title: 't' }],
    ['edit story', () => updateStory(4, { title: 't', version: 2 }), 'PUT', '/stories/4', { title: 't', version: 2 }],
    ['publish', () => publishStory(4), 'POST', '/stories/4/publish', {}],
    ['withdraw', () => withdrawStory(4), 'POST', '/stories/4/withdraw', {}],
    ['photo policy', () => storyPhotoPolicy({ contentType: 'image/png', size: 9 }), 'POST', '/stories/photo-policy', { contentType: 'image/png', size: 9 }],
    ['prompt schedule', () => getPromptSchedule(6), 'GET', '/medical-teams/6/prompt-schedule'],
    ['save schedule', () => updatePromptSchedule(6, { promptTime: '08:30:00', enabled: false, wecomWebhook: null }), 'PUT', '/medical-teams/6/prompt-schedule', { promptTime: '08:30:00', enabled: false, wecomWebhook: null }],
    ['prompts', () => listTeamPrompts(6), 'GET', '/medical-teams/6/prompts'],
    ['reports', () => listTeamReports(6), 'GET', '/medical-teams/6/reports'],
    ['bindings', () => listTeamBindings(6), 'GET', '/medical-teams/6/bindings'],
    ['invite code', () => issueTeamInviteCode(6), 'POST', '/medical-teams/6/invite-code'],
    ['delivery', () => recordItemDelivery(6, 12, { quantity: 50, deliveredBy: '省青基会' }), 'POST', '/medical-teams/6/reports/items/12/deliveries', { quantity: 50, deliveredBy: '省青基会' }],
  ])('%s', async (_name, fn, method, url, data, params) => {
    const call = await requestOf(fn)
    expect(call.method).toBe(method)
    expect(call.url).toBe(url)
    expect(call.data).toEqual(data)
    if (params) expect(call.params).toEqual(params)
  })

  it('sends the intake with its Idempotency-Key', async () => {
    const call = await requestOf(() => intakeTicket({ familyId: 1 }, 'key-1'))
    expect(call).toMatchObject({ method: 'POST', url: '/tickets/intake', data: { familyId: 1 } })
    expect(call.headers['Idempotency-Key']).toBe('key-1')
  })

  it('makes version 4 UUIDs, also without crypto.randomUUID (plain HTTP)', () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const original = crypto.randomUUID
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true })
      const id = uuid()
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(uuid()).not.toBe(id)
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true })
    }
  })
})
