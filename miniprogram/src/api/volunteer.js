// The volunteer side of the mini-program (MiniVolunteerApi, MiniPairingApi): one function per call.
import { endpoint } from './endpoint'
import { apiBase } from './platform'
import { get, post, request } from './request'

const V = '/api/mini/volunteer'

export const organisations = () => get(`${V}/organisations`)
export const register = (body) => post(V, body)
export const me = () => get(`${V}/me`)
export const training = () => get(`${V}/training`)
export const submitQuiz = (answers) => post(`${V}/training`, { answers })
export const nearbyTasks = () => get(`${V}/tasks/nearby`)
export const myTasks = () => get(`${V}/tasks`)
/** One task: district only until claimed; 404 TICKET_NOT_FOUND when it is someone else's, ended or out of reach. */
export const taskDetail = endpoint('GET', '/api/mini/volunteer/tasks/{id}')
export const claimTask = (id) => post(`${V}/tasks/${id}/claim`)
export const releaseTask = (id, reason) => post(`${V}/tasks/${id}/release`, { reason })
export const startTask = (id) => post(`${V}/tasks/${id}/start`)
export const completeTask = (id, note, photoKeys) => post(`${V}/tasks/${id}/complete`, { note, photoKeys })
export const hours = () => get(`${V}/hours`)
/** The PDF is binary: downloaded by src/utils/certificate.js, not through request(). */
export const CERTIFICATE_PATH = `${V}/certificate`
/** The current certificate's code and absolute public verification URL (the one its QR code holds). */
export const certificateVerification = endpoint('GET', '/api/mini/volunteer/certificate/verification')
/** The QR code PNG of a certificate: public, for an <image>; absolute on mp-weixin (the API base), same origin on H5. */
export const certificateQrUrl = (code) => `${apiBase()}/api/public/certificates/${encodeURIComponent(code)}/qr.png`
/** Anyone may check a certificate's code; no sign-in. */
export const verifyCertificate = (code) =>
  request({ url: `/api/public/certificates/${encodeURIComponent(code)}`, auth: false })

/** Whether I agreed to appear in stories (先进典型): {consented, consentedAt}. */
export const storyConsent = endpoint('GET', '/api/mini/volunteer/story-consent')
/** Agree or withdraw ({consent}); a withdrawal takes published stories about me down at once. */
export const setStoryConsent = endpoint('PUT', '/api/mini/volunteer/story-consent', { body: ['consent'] })

/** The signed-in user (masked phone, roles): registration needs a WeChat-verified phone first. */
export const miniUser = () => get('/api/mini/me')
/** A direct-upload policy for one photo: {url, key, formFields, expiresAt, maxBytes}. */
export const uploadPolicy = (contentType, size) => post('/api/mini/uploads/policy', { contentType, size })

// 手拉手 pairing: the partner's family and check-ins
export const myPairings = () => get('/api/mini/pairings')
export const checkIn = (pairingId, body) => post(`/api/mini/pairings/${pairingId}/check-ins`, body)
