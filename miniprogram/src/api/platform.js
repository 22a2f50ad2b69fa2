// Platform differences live here, behind small functions (conditional compilation per target).

/** True in the mini-program build, false in the H5 build (the embedded default's demo sign-in). */
export const IS_MP_WEIXIN = (() => {
  // #ifdef MP-WEIXIN
  return true
  // #endif
  // #ifndef MP-WEIXIN
  return false
  // #endif
})()

/** A wx.login code on mp-weixin; null on H5, where the embedded default's demo sign-in is used. */
export function loginCode() {
  // #ifdef MP-WEIXIN
  return new Promise((resolve, reject) => {
    uni.login({ provider: 'weixin', success: (r) => resolve(r.code), fail: reject })
  })
  // #endif
  // #ifndef MP-WEIXIN
  return Promise.resolve(null)
  // #endif
}

/** Where the API lives: the same origin on H5 (served at /m/), the configured HTTPS domain on mp-weixin. */
export function apiBase() {
  // #ifdef MP-WEIXIN
  return import.meta.env.VITE_API_BASE || 'https://qingnuan.example.org'
  // #endif
  // #ifndef MP-WEIXIN
  return ''
  // #endif
}

/**
 * Asks consent for subscribe messages. Resolves to the template ids the user allowed ("accept");
 * on H5 there are no subscribe messages, so nothing is asked and nothing is allowed.
 */
export function requestSubscribe(templateIds) {
  // #ifdef MP-WEIXIN
  if (!templateIds.length) return Promise.resolve([])
  return new Promise((resolve) => {
    uni.requestSubscribeMessage({
      tmplIds: templateIds,
      success: (res) => resolve(templateIds.filter((id) => res[id] === 'accept')),
      fail: () => resolve([])
    })
  })
  // #endif
  // #ifndef MP-WEIXIN
  return Promise.resolve([])
  // #endif
}

/** Compresses a photo before upload on mp-weixin (WeChat's uni.compressImage); H5 uploads it as chosen. */
export function compressImage(path) {
  // #ifdef MP-WEIXIN
  return new Promise((resolve) => {
    uni.compressImage({ src: path, quality: 70, success: (r) => resolve(r.tempFilePath), fail: () => resolve(path) })
  })
  // #endif
  // #ifndef MP-WEIXIN
  return Promise.resolve(path)
  // #endif
}

/** The size in bytes of a local file (after compression), or the fallback when it cannot be read. */
export function fileSize(path, fallback) {
  // #ifdef MP-WEIXIN
  return new Promise((resolve) => {
    uni.getFileInfo({ filePath: path, success: (r) => resolve(r.size), fail: () => resolve(fallback) })
  })
  // #endif
  // #ifndef MP-WEIXIN
  return Promise.resolve(fallback)
  // #endif
}

/** Calls a number (the hotline): the dialer on mp-weixin, a tel: link on H5. */
export function callPhone(number) {
  uni.makePhoneCall({ phoneNumber: number, fail: () => {} })
}
