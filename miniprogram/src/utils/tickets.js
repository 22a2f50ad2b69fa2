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
