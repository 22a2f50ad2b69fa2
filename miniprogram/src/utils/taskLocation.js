// Where the volunteer is: the phone's position (may be refused) and picking the home point.

/** The phone's position {latitude, longitude}, or null when refused or unavailable (never rejects). */
export function currentPosition() {
  return new Promise((resolve) => {
    uni.getLocation({
      type: 'gcj02',
      success: (r) => resolve({ latitude: r.latitude, longitude: r.longitude }),
      fail: () => resolve(null)
    })
  })
}

/**
 * Lets the volunteer pick their home point: a map picker on mp-weixin; on H5 the browser's position.
 * Resolves to {latitude, longitude, name} or null (cancelled or refused).
 */
export function pickHomePoint() {
  // #ifdef MP-WEIXIN
  return new Promise((resolve) => {
    uni.chooseLocation({
      success: (r) => resolve({ latitude: r.latitude, longitude: r.longitude, name: r.name || r.address || '' }),
      fail: () => resolve(null)
    })
  })
  // #endif
  // #ifndef MP-WEIXIN
  return currentPosition().then((p) => (p ? { ...p, name: '当前位置' } : null))
  // #endif
}

/** Opens the mini-program's permission settings so a refused location can be allowed (mp-weixin only). */
export function openLocationSettings() {
  // #ifdef MP-WEIXIN
  uni.openSetting({})
  // #endif
  // #ifndef MP-WEIXIN
  uni.showModal({ title: '位置权限', content: '请在浏览器设置中允许本页面获取位置，然后刷新。', showCancel: false })
  // #endif
}
