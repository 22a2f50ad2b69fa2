// The certificate PDF needs the bearer token, so it is fetched rather than linked:
// mp-weixin downloads it and opens it with openDocument; H5 fetches it and opens a blob link.
import { apiBase } from '../api/platform'
import { ApiError, signIn, token } from '../api/request'
import { CERTIFICATE_PATH } from '../api/volunteer'

/** An ApiError from an error body (JSON text), whatever went wrong in reading it. */
export function errorFromBody(status, text) {
  let body = {}
  try {
    body = JSON.parse(text || '{}') || {}
  } catch (e) {
    body = {}
  }
  return new ApiError({
    status,
    code: body.code || 'HTTP_' + status,
    message: body.message || '证明下载未成功，请稍后重试',
    fieldErrors: body.fieldErrors || [],
    traceId: body.traceId
  })
}

async function withSession(fetchOnce) {
  if (!token()) await signIn()
  let r = await fetchOnce()
  if (r.status === 401) {
    await signIn()
    r = await fetchOnce()
  }
  if (r.status !== 200) throw errorFromBody(r.status, await r.text())
  return r
}

/**
 * Downloads the certificate. mp-weixin: opens it in WeChat's document viewer (resolves to null).
 * H5: resolves to a blob URL the page shows as a link.
 */
export async function downloadCertificate() {
  const url = apiBase() + CERTIFICATE_PATH
  // #ifdef MP-WEIXIN
  const r = await withSession(() => new Promise((resolve, reject) => {
    uni.downloadFile({
      url,
      header: { Authorization: 'Bearer ' + token() },
      success: (res) => resolve({
        status: res.statusCode,
        path: res.tempFilePath,
        text: () => new Promise((ok) => uni.getFileSystemManager().readFile({
          filePath: res.tempFilePath, encoding: 'utf8', success: (f) => ok(f.data), fail: () => ok('')
        }))
      }),
      fail: () => reject(new ApiError())
    })
  }))
  await new Promise((resolve, reject) => {
    uni.openDocument({ filePath: r.path, fileType: 'pdf', showMenu: true, success: resolve,
      fail: () => reject(new ApiError({ code: 'OPEN_FAILED', message: '无法打开证明文件，请稍后重试' })) })
  })
  return null
  // #endif
  // #ifndef MP-WEIXIN
  const res = await withSession(() => fetch(url, { headers: { Authorization: 'Bearer ' + token() } })
    .catch(() => { throw new ApiError() }))
  return URL.createObjectURL(await res.blob())
  // #endif
}
