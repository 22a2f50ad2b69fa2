// Drafts that must reach the server exactly once (a help request): one Idempotency-Key per draft,
// made when the draft starts, kept in storage with the draft, and sent again on every retry, so a
// dropped connection (the request arrived, the answer did not) never creates two requests.
const PREFIX = 'qn.draft.'

/** A random UUID (v4 layout); crypto.randomUUID is not there on every WeChat base library. */
export function newIdempotencyKey() {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const hex = '0123456789abcdef'
  let out = ''
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += '-'
    else if (i === 14) out += '4'
    else if (i === 19) out += hex[8 + Math.floor(Math.random() * 4)]
    else out += hex[Math.floor(Math.random() * 16)]
  }
  return out
}

/** The draft under `name`, started now (with a fresh key) when there is none: { key, data }. */
export function openDraft(name, initial = {}) {
  const saved = uni.getStorageSync(PREFIX + name)
  if (saved && saved.key) return saved
  const draft = { key: newIdempotencyKey(), data: initial }
  uni.setStorageSync(PREFIX + name, draft)
  return draft
}

/** Keeps what the user typed; the key stays the draft's. */
export function saveDraft(name, data) {
  const draft = openDraft(name)
  uni.setStorageSync(PREFIX + name, { key: draft.key, data })
}

/**
 * Gives the draft a new key and keeps what was typed: after 422 IDEMPOTENCY_KEY_REUSED (the old key
 * already made a request, with other content), sending the edited draft again is a new request, and
 * only on the user's word.
 */
export function renewDraftKey(name) {
  const draft = openDraft(name)
  const renewed = { key: newIdempotencyKey(), data: draft.data }
  uni.setStorageSync(PREFIX + name, renewed)
  return renewed
}

/** Forgets the draft (after the server took it): the next draft gets a new key. */
export function closeDraft(name) {
  uni.removeStorageSync(PREFIX + name)
}

/**
 * Sends the draft with its key: send(key) → promise. On success the draft is closed; on any
 * failure it stays, key and all, so pressing 提交 again is a retry the server recognises.
 */
export async function submitDraft(name, send) {
  const { key } = openDraft(name)
  const result = await send(key)
  closeDraft(name)
  return result
}
