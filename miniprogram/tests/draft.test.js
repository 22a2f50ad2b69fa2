import { beforeEach, describe, expect, it } from 'vitest'
import { installUni } from './uni-stub'
import { closeDraft, openDraft, renewDraftKey, saveDraft, submitDraft } from '../src/api/draft'
import { submitTicket } from '../src/api/tickets'

const body = {
  familyId: 12, category: 'MEALS', urgency: 'NORMAL', description: '两位老人在家，想请志愿者帮忙送几天午饭',
  address: null, preferredTime: null, contactMethod: 'PHONE_CALL', contactPhone: null, photoKeys: []
}

/** The server: keeps one request per Idempotency-Key; `dropFirst` loses the answer of the first submit. */
function server({ dropFirst }) {
  const byKey = new Map()
  let submits = 0
  return (call) => {
    if (call.path === '/api/mini/auth/login') return { statusCode: 200, data: { token: 'tok', user: { roles: [] } } }
    if (call.path === '/api/mini/tickets' && call.method === 'POST') {
      const key = call.header['Idempotency-Key']
      if (!key) return { statusCode: 400, data: { code: 'IDEMPOTENCY_KEY_REQUIRED', message: '缺少幂等键' } }
      if (!byKey.has(key)) byKey.set(key, { id: byKey.size + 1, status: 'SUBMITTED' })
      submits++
      if (dropFirst && submits === 1) return 'drop' // saved on the server, the answer never arrives
      return { statusCode: 201, data: byKey.get(key) }
    }
    return { statusCode: 404, data: { code: 'NOT_FOUND', message: '没有找到' } }
  }
}

let env
beforeEach(() => {
  installUni(() => 'drop') // a fresh, empty storage (no token) for every test
})

describe('one Idempotency-Key per draft', () => {
  it('retries a submit whose answer was dropped with the same key, so the server keeps one request', async () => {
    env = installUni(server({ dropFirst: true }))
    const draft = openDraft('ticket', {})
    saveDraft('ticket', { description: body.description })
    const send = (key) => submitTicket(body, { idempotencyKey: key })

    await expect(submitDraft('ticket', send)).rejects.toMatchObject({ code: 'NETWORK', retryable: true })
    expect(openDraft('ticket').key).toBe(draft.key) // the draft and its key survive the failure
    expect(openDraft('ticket').data.description).toBe(body.description)

    const created = await submitDraft('ticket', send)
    const posts = env.calls.filter((c) => c.path === '/api/mini/tickets')
    expect(posts).toHaveLength(2)
    expect(posts[0].header['Idempotency-Key']).toBe(draft.key)
    expect(posts[1].header['Idempotency-Key']).toBe(draft.key)
    expect(created.id).toBe(1)
  })

  it('keeps the key when the page is left and the draft is opened again', () => {
    env = installUni(server({ dropFirst: false }))
    const first = openDraft('ticket', {})
    saveDraft('ticket', { description: '改了几个字' })
    expect(openDraft('ticket').key).toBe(first.key)
  })

  it('gives the next draft a new key once the server took the request', async () => {
    env = installUni(server({ dropFirst: false }))
    const first = openDraft('ticket', {}).key
    await submitDraft('ticket', (key) => submitTicket(body, { idempotencyKey: key }))
    const second = openDraft('ticket', {}).key
    expect(second).not.toBe(first)
    expect(second).toMatch(/^[0-9a-f-]{36}$/)
    await submitDraft('ticket', (key) => submitTicket(body, { idempotencyKey: key }))
    const keys = env.calls.filter((c) => c.path === '/api/mini/tickets').map((c) => c.header['Idempotency-Key'])
    expect(keys).toEqual([first, second])
  })

  it('renews only the key, keeping the text, when the user sends an edited draft as a new request', () => {
    env = installUni(server({ dropFirst: false }))
    const first = openDraft('ticket', {}).key
    saveDraft('ticket', { description: '改过的内容' })
    const renewed = renewDraftKey('ticket')
    expect(renewed.key).not.toBe(first)
    expect(openDraft('ticket')).toEqual({ key: renewed.key, data: { description: '改过的内容' } })
  })

  it('starts over with a new key when a draft is thrown away', () => {
    env = installUni(server({ dropFirst: false }))
    const first = openDraft('ticket', {}).key
    closeDraft('ticket')
    expect(openDraft('ticket', {}).key).not.toBe(first)
  })
})

describe('endpoint()', () => {
  it('refuses to send a body field the endpoint does not declare (what the contract check reads is what is sent)', () => {
    env = installUni(server({ dropFirst: false }))
    expect(() => submitTicket({ ...body, secret: 1 }, { idempotencyKey: 'k-12345678' })).toThrow(/secret/)
    expect(() => submitTicket({ ...body, preferredTime: { start: 'a', end: 'b', zone: 'x' } }, { idempotencyKey: 'k-12345678' }))
      .toThrow(/preferredTime\.zone/)
    expect(env.calls).toHaveLength(0)
  })
})
