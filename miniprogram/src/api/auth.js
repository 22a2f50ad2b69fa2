// Sign-in and roles (MiniAuthApi) and the embedded default's demo sign-in (H5 only).
import { endpoint } from './endpoint'

export const me = endpoint('GET', '/api/mini/me')
export const logout = endpoint('POST', '/api/mini/auth/logout')
/** The phone button's code (open-type="getPhoneNumber"), or a demo phone code on H5. */
export const bindPhone = endpoint('POST', '/api/mini/me/phone', { body: ['code'] })
/** A family's invite code from the district league, or a medical team's invite code. */
export const redeemInvite = endpoint('POST', '/api/mini/me/invites', { body: ['code'] })
/** Embedded default only: the demo families, workers, team contacts and volunteers. */
export const devUsers = endpoint('GET', '/api/mini/auth/dev-users', { auth: false })
