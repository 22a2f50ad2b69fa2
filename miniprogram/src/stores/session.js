// The signed-in user (GET /api/mini/me), their roles and the role they act in when holding several.
// The user and the chosen role are kept in storage, so the home page shows the right entries at once.
import { defineStore } from 'pinia'
import * as auth from '../api/auth'
import { setDemoUser, setToken, signIn } from '../api/request'

const KEY = 'qn.session'

/** Which entries a role opens on the home page. */
export const ROLE_GROUP = {
  FAMILY: 'family',
  MEDICAL_WORKER: 'family',
  PAIRED: 'family',
  VOLUNTEER: 'volunteer',
  TEAM_CONTACT: 'team'
}

export const roleKey = (role) => (role ? `${role.kind}:${role.subjectId}` : '')

function restore() {
  const saved = uni.getStorageSync(KEY)
  return saved && typeof saved === 'object' ? saved : { user: null, currentRoleKey: '' }
}

export const useSession = defineStore('session', {
  state: () => ({ ...restore(), loading: false, error: null }),
  getters: {
    roles: (s) => (s.user && s.user.roles) || [],
    signedIn: (s) => Boolean(s.user),
    /** The role acted in: the only one, or the one chosen; null when a choice is due or none is held. */
    currentRole() {
      if (this.roles.length === 1) return this.roles[0]
      return this.roles.find((r) => roleKey(r) === this.currentRoleKey) || null
    },
    needsRoleChoice() {
      return this.roles.length > 1 && !this.currentRole
    },
    group() {
      return this.currentRole ? ROLE_GROUP[this.currentRole.kind] || null : null
    },
    /** The family the current role may ask help for (a paired partner's subject is the family). */
    familyId() {
      const r = this.currentRole
      if (!r) return null
      if (r.familyId) return r.familyId
      return r.kind === 'PAIRED' || r.kind === 'FAMILY' ? r.subjectId : null
    }
  },
  actions: {
    persist() {
      uni.setStorageSync(KEY, { user: this.user, currentRoleKey: this.currentRoleKey })
    },
    setUser(user) {
      this.user = user
      if (this.currentRoleKey && !this.roles.some((r) => roleKey(r) === this.currentRoleKey)) this.currentRoleKey = ''
      this.persist()
    },
    /** Silent sign-in (if needed) and the current user; the error is kept for the page to show. */
    async load() {
      this.loading = true
      this.error = null
      try {
        this.setUser(await auth.me())
      } catch (e) {
        this.error = e
      } finally {
        this.loading = false
      }
    },
    /** H5 (embedded default): act as one of the demo users. */
    async signInAsDemo(user) {
      setToken(null)
      setDemoUser({ role: user.role, subjectId: user.subjectId })
      this.currentRoleKey = ''
      const login = await signIn()
      this.setUser(login.user)
      const mine = this.roles.find((r) => r.kind === user.role && r.subjectId === user.subjectId)
      if (mine) this.chooseRole(mine)
    },
    chooseRole(role) {
      this.currentRoleKey = roleKey(role)
      this.persist()
    },
    async bindPhone(code) {
      this.setUser(await auth.bindPhone({ code }))
    },
    async redeemInvite(code) {
      this.setUser(await auth.redeemInvite({ code }))
    },
    async signOut() {
      try {
        await auth.logout()
      } catch (e) {
        // the token is forgotten here whatever the server says
      }
      setToken(null)
      setDemoUser(null)
      this.user = null
      this.currentRoleKey = ''
      uni.removeStorageSync(KEY)
    }
  }
})
