import { createRouter, createWebHashHistory } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { routes } from './routes'

export { routes }

/** Only in-app paths are followed after sign-in. */
export function safeRedirect(value) {
  const path = Array.isArray(value) ? value[0] : value
  if (typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/login')) {
    return path
  }
  return { name: 'dashboard' }
}

function loginWithRedirect(to) {
  return { name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
}

/** The navigation rules: sign-in first, then a forced password change, then role permissions. */
export async function guard(to) {
  const session = useSessionStore()

  if (to.meta.public) {
    if (to.name === 'login' && session.token) {
      // already signed in (another tab, a reload): go on if the token still works
      try {
        if (!session.staff) await session.loadMe({ silent: true, skipAuthRedirect: true })
        return safeRedirect(to.query.redirect)
      } catch {
        return true
      }
    }
    return true
  }

  if (!session.token) return loginWithRedirect(to)

  if (!session.staff) {
    try {
      await session.loadMe({ skipAuthRedirect: true })
    } catch {
      // 401: the wrapper dropped the session and said why; otherwise it showed the network error
      return loginWithRedirect(to)
    }
  }

  if (session.mustChangePassword) {
    return to.name === 'change-password' ? true : { name: 'change-password', query: {} }
  }

  if (to.meta.permission && !session.can(to.meta.permission)) {
    return { name: 'dashboard' }
  }
  return true
}

// Hash history: the backend serves the build as static files at /admin and needs no fallback route.
export function createAppRouter(history = createWebHashHistory()) {
  const router = createRouter({ history, routes })
  router.beforeEach(guard)
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · 青暖管理后台` : '青暖管理后台'
  })
  return router
}
