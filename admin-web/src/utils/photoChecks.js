// WeChat's media check of uploaded photos, as staff see it (PhotoView.status).
export const PHOTO_STATUS_TAG_TYPES = {
  PENDING: 'warning',
  PASS: 'success',
  RISKY: 'danger',
  UNCHECKED: 'info',
}

/** Staff may pass or hide a photo WeChat has not judged yet; a verdict (passed, risky) stays. */
export function isUndecided(photo) {
  return Boolean(photo && photo.checkId && (photo.status === 'PENDING' || photo.status === 'UNCHECKED'))
}

/**
 * The photos to show with their check: `photos` (PhotoView) when the server gives them, else the bare URLs of an
 * older answer, without a state.
 */
export function checkedPhotos(photos, urls) {
  if (Array.isArray(photos)) return photos.filter((p) => p && p.url)
  return (urls || []).map((url) => ({ url, status: null, statusLabel: '', checkId: null }))
}
