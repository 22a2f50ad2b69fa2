import { http } from './request'

/** Messages the embedded default's WeChat stand-in recorded, newest first (404 outside the embedded default). */
export function listSentMessages() {
  return http.get('/stand-in/messages')
}
