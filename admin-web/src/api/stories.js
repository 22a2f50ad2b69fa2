import { http } from './request'

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
  await http.post(policy.url, form, { ...config, skipAuth: true, timeout: 60000 })
  return policy.key
}
