import { ApiError, http } from './request'

// Exemplary volunteers and teams (先进典型): drafts, published, withdrawn.

/** PageView of StoryView. Filters: status, page, size. */
export function listStories(params) {
  return http.get('/stories', { params })
}

/** {title, subjectKind, subjectName, body, photoKeys} → StoryView */
export function createStory(body) {
  return http.post('/stories', body)
}

/** Same fields plus version; only a draft or a withdrawn story. */
export function updateStory(id, body) {
  return http.put(`/stories/${id}`, body)
}

export function publishStory(id) {
  return http.post(`/stories/${id}/publish`, {})
}

export function withdrawStory(id) {
  return http.post(`/stories/${id}/withdraw`, {})
}

/** {contentType, size} → {url, key, formFields, expiresAt, maxBytes}: an OSS post policy for one photo. */
export function storyPhotoPolicy(body, config) {
  return http.post('/stories/photo-policy', body, config)
}

/**
 * Uploads one photo: a policy from the API, then a multipart POST straight to OSS (the policy's
 * fields first, the file last, no Bearer header). Resolves with the object key for `photoKeys`.
 */
export async function uploadStoryPhoto(file, config = {}) {
  const policy = await storyPhotoPolicy({ contentType: file.type, size: file.size }, config)
  const form = new FormData()
  for (const [name, value] of Object.entries(policy.formFields || {})) form.append(name, value)
  form.append('file', file)
  try {
    await http.post(policy.url, form, { ...config, skipAuth: true, timeout: 60000 })
  } catch (e) {
    throw e?.code === 'NETWORK_ERROR' && crossOrigin(policy.url) ? corsRefused() : e
  }
  return policy.key
}

/**
 * A browser blocks an upload to a bucket whose CORS rules do not name this site, and tells the page no
 * more than "network error"; the API answered a moment ago, so the bucket's CORS rule is the likely cause.
 */
export const OSS_CORS_REFUSED = 'OSS_CORS_REFUSED'
function corsRefused() {
  return new ApiError({
    code: OSS_CORS_REFUSED,
    message: `照片存储（OSS）没有接受本网站的上传：请管理员在 OSS 存储桶的“跨域设置（CORS）”中允许来源 ${window.location.origin}、方法 POST（见部署文档），或检查网络后重试`,
  })
}

function crossOrigin(url) {
  try {
    return new URL(url, window.location.href).origin !== window.location.origin
  } catch {
    return false
  }
}
