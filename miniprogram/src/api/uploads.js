// Photos go straight to OSS: a policy from the backend per photo, then uni.uploadFile to the
// policy's url with its form fields and the file field `file`; the object key is what we keep.
import { uploadPolicy } from './tickets'
import { ApiError } from './request'
import { apiBase, compressImage, fileSize } from './platform'

const TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

export function contentTypeOf(path) {
  const ext = String(path).split('?')[0].split('.').pop().toLowerCase()
  return TYPES[ext] || 'image/jpeg'
}

/**
 * Uploads one chosen image ({ path, size }) and resolves to its object key.
 * onProgress(percent) follows the upload.
 */
export async function uploadPhoto(file, onProgress = () => {}) {
  const path = await compressImage(file.path)
  const size = await fileSize(path, file.size)
  const policy = await uploadPolicy({ contentType: contentTypeOf(path), size: size || 1 })
  const url = policy.url.startsWith('/') ? apiBase() + policy.url : policy.url
  await new Promise((resolve, reject) => {
    const task = uni.uploadFile({
      url,
      filePath: path,
      name: 'file',
      formData: policy.formFields || {},
      success: (res) => {
        if (res.statusCode >= 200 && res.statusCode < 300) resolve()
        else reject(new ApiError({ status: 503, code: 'UPLOAD_FAILED', message: '照片上传失败，请重试' }))
      },
      fail: () => reject(new ApiError({ message: '照片上传失败，请检查网络后重试' }))
    })
    if (task && task.onProgressUpdate) task.onProgressUpdate((p) => onProgress(p.progress))
  })
  onProgress(100)
  return policy.key
}
