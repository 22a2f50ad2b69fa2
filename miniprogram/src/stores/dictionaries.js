// The labels of the server's enums, loaded once from GET /api/mini/dictionaries. No Chinese label of
// a server enum is written into the client: when the dictionary cannot be loaded, the code is shown
// (and the next page that needs it tries again).
import { defineStore } from 'pinia'
import { dictionaries } from '../api/dictionaries'

let pending = null

// The codes (never the labels) of the enums a form must offer even when the dictionaries cannot be
// loaded: the form stays usable and shows the codes until a reload brings the labels.
const FALLBACK_CODES = {
  ticketCategory: ['SUPPLIES', 'SPECIAL_FUND', 'TRANSPORT', 'DAILY_LIVING', 'MEALS', 'CARE', 'TUTORING', 'PSYCHOLOGICAL', 'OTHER'],
  urgency: ['NORMAL', 'URGENT', 'CRISIS'],
  contactMethod: ['PHONE_CALL', 'TEXT_MESSAGE', 'WECHAT', 'IN_APP_ONLY']
}

export const useDictionaries = defineStore('dictionaries', {
  state: () => ({ entries: {}, loaded: false }),
  actions: {
    /** Loads the dictionaries once; a failure is kept quiet and retried by the next call. */
    async ensure() {
      if (this.loaded) return
      if (!pending) {
        pending = dictionaries()
          .then((body) => {
            this.entries = body || {}
            this.loaded = true
          })
          .catch(() => {})
          .finally(() => {
            pending = null
          })
      }
      return pending
    },
    /** [{code, label}] of one dictionary, e.g. options('ticketCategory'); codes as labels until loaded. */
    options(type) {
      const loaded = this.entries[type]
      if (loaded && loaded.length) return loaded
      return (FALLBACK_CODES[type] || []).map((code) => ({ code, label: code }))
    },
    /** The label of a code, or the code itself when the dictionary does not know it. */
    label(type, code) {
      if (code === null || code === undefined) return ''
      const hit = (this.entries[type] || []).find((e) => e.code === code)
      return hit ? hit.label : String(code)
    }
  }
})
