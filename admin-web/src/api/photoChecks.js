import { http } from './request'

// Photos go through WeChat's content check before volunteers, families or mini-program readers see them;
// staff decide the ones WeChat has not judged (审核中, 待人工审核).

/** → PhotoView {url, status, statusLabel, checkId}: visible to everyone. */
export function passPhoto(checkId) {
  return http.post(`/photo-checks/${checkId}/pass`, {})
}

/** → PhotoView: shown to staff only, like a photo WeChat called risky. */
export function hidePhoto(checkId) {
  return http.post(`/photo-checks/${checkId}/hide`, {})
}
