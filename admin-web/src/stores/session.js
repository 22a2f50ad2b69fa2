import { defineStore } from 'pinia'
import * as authApi from '@/api/auth'
import { menuFor } from '@/router/menu'
import { can } from '@/utils/permission'

export const TOKEN_KEY = 'qingnuan.admin.token'

function readToken() {
  try {
    return localStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

function writeToken(token) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token)
    else localStorage.removeItem(TOKEN_KEY)
  } catch {
    // storage may be unavailable (private mode); the session then lives in memory only
  }
}

/** The signed-in staff member and their token. */
export const useSessionStore = defineStore('session', {
  state: () => ({
    token: readToken(),
    /** StaffView of the signed-in member, loaded after sign-in or on start from /auth/me */
    staff: null,
  }),
  getters: {
    isSignedIn: (s) => Boolean(s.token),
    roles: (s) => s.staff?.roles || [],
    mustChangePassword: (s) => s.staff?.mustChangePassword === true,
    menu() {
      return menuFor(this.roles)
    },
  },
  actions: {
    can(permission) {
      return can(this.roles, permission)
    },
    async login(username, password) {
      const result = await authApi.login(username, password)
      this.token = result.token
      this.staff = result.staff
      writeToken(result.token)
      return result.staff
    },
    async loadMe(config) {
      this.staff = await authApi.getMe(config)
      return this.staff
    },
    async logout() {
      if (this.token) {
        try {
          await authApi.logout()
        } catch {
          // the token is dropped locally anyway
        }
      }
      this.clear()
    },
    async changePassword(currentPassword, newPassword) {
      await authApi.changePassword(currentPassword, newPassword)
      // this session stays valid; the flag is cleared on the server
      await this.loadMe()
    },
    markMustChangePassword() {
      if (this.staff) this.staff = { ...this.staff, mustChangePassword: true }
    },
    clear() {
      this.token = null
      this.staff = null
      writeToken(null)
    },
  },
})
