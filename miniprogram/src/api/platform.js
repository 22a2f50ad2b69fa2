// Platform differences live here, behind small functions (conditional compilation per target).

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
