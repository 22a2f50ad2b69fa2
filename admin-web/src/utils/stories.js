// 先进典型 (exemplary volunteers and teams): labels and limits the API applies.

export const STORY_STATUS_LABELS = Object.freeze({ DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤回' })
export const STORY_STATUS_OPTIONS = Object.freeze(Object.entries(STORY_STATUS_LABELS).map(([value, label]) => ({ value, label })))
export const STORY_STATUS_TAG_TYPES = Object.freeze({ DRAFT: 'info', PUBLISHED: 'success', WITHDRAWN: 'warning' })

export const SUBJECT_KIND_LABELS = Object.freeze({ VOLUNTEER: '志愿者', TEAM: '团队' })
export const SUBJECT_KIND_OPTIONS = Object.freeze(Object.entries(SUBJECT_KIND_LABELS).map(([value, label]) => ({ value, label })))

export const STORY_TITLE_MAX = 40
export const STORY_BODY_MAX = 2000
export const STORY_PHOTOS_MAX = 9
export const STORY_PHOTO_TYPES = Object.freeze(['image/jpeg', 'image/png', 'image/webp'])
export const STORY_PHOTO_MAX_BYTES = 10 * 1024 * 1024

/** Only a draft or a withdrawn story is edited; a published one is withdrawn first. */
export const isEditable = (story) => story?.status === 'DRAFT' || story?.status === 'WITHDRAWN'

/** Why a picked file cannot be uploaded, or '' when it can. */
export function photoProblem(file) {
  if (!STORY_PHOTO_TYPES.includes(file?.type)) return '只能上传 JPG、PNG 或 WebP 图片'
  if (file.size > STORY_PHOTO_MAX_BYTES) return '单张图片不能超过 10 MB'
  if (!file.size) return '文件是空的'
  return ''
}
