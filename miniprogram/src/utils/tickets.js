// What the family may do with a request in each status (the table in docs/miniprogram-api.md).
export const CANCELLABLE = ['SUBMITTED', 'ACCEPTED', 'OPEN', 'DISPATCHED', 'CLAIMED']
export const CONFIRMABLE = ['DONE']

/** The colour of a status tag (uni-tag type). */
export function statusTagType(status) {
  if (status === 'DONE' || status === 'CONFIRMED') return 'success'
  if (status === 'REJECTED' || status === 'CANCELLED' || status === 'CLOSED') return 'default'
  if (status === 'SUBMITTED') return 'warning'
  return 'primary'
}

/**
 * The photos to show, each with its 审核中 badge: every photo goes through WeChat's content check, and the
 * uploader sees their own before it passed. `photos` (url, status, statusLabel) when the server gives them,
 * else the bare URLs (all shown without a badge).
 */
export function photoTiles(photos, urls) {
  if (Array.isArray(photos)) {
    return photos.filter((p) => p && p.url).map((p) => ({
      url: p.url,
      pending: p.status !== 'PASS',
      badge: p.status === 'PASS' ? '' : p.statusLabel || '审核中'
    }))
  }
  return (urls || []).map((url) => ({ url, pending: false, badge: '' }))
}

/** A line under the photos when some are still being checked; empty when none are. */
export function photoCheckHint(tiles) {
  return tiles.some((p) => p.pending) ? '标有“审核中”的照片通过微信内容安全检测后，志愿者才能看到。' : ''
}
