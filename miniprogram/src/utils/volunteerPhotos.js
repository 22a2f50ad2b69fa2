// Service photos go straight to object storage: policy from the API, then uni.uploadFile with its form.
import { ApiError } from '../api/request'
import { uploadPolicy } from '../api/volunteer'

const TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** The upload content type of a chosen file; JPEG when the path has no known extension (camera temp files). */
export function contentTypeOf(file) {
  if (file && file.type && Object.values(TYPES).includes(file.type)) return file.type
  const m = /\.([a-z0-9]+)(?:\?.*)?$/i.exec((file && (file.name || file.path)) || '')
  return (m && TYPES[m[1].toLowerCase()]) || 'image/jpeg'
}

function compress(path) {
  // #ifdef MP-WEIXIN
  return new Promise((resolve) => {
    uni.compressImage({ src: path, quality: 70, success: (r) => resolve(r.tempFilePath), fail: () => resolve(path) })
  })
  // #endif
  // #ifndef MP-WEIXIN
  return Promise.resolve(path)
  // #endif
}

function fileSize(path, fallback) {
  // #ifdef MP-WEIXIN
  return new Promise((resolve) => {
    uni.getFileInfo({ filePath: path, success: (r) => resolve(r.size), fail: () => resolve(fallback) })
  })
  // #endif
  // #ifndef MP-WEIXIN
  return Promise.resolve(fallback)
  // #endif
}

/** Uploads one chosen file ({path, size, type?, name?}); resolves to the object key for photoKeys. */
export async function uploadPhoto(file) {
  const path = await compress(file.path)
  const size = await fileSize(path, file.size)
  const policy = await uploadPolicy(contentTypeOf(file), size)
  await new Promise((resolve, reject) => {
    uni.uploadFile({
      url: policy.url,
      filePath: path,
      name: 'file',
      formData: policy.formFields,
      success: (r) => (r.statusCode >= 200 && r.statusCode < 300 ? resolve() : reject(new ApiError({ status: r.statusCode, code: 'UPLOAD_FAILED', message: '照片上传失败，请重试' }))),
      fail: () => reject(new ApiError({ message: '照片上传失败，请检查网络后重试' }))
    })
  })
  return policy.key
}
