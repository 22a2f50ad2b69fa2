// Placeholder with the agreed interface; the shell's store replaces it at merge.
// GET /api/mini/dictionaries → { skill: [{code, label}], ticketCategory: [...], urgency: [...], ... }
import { defineStore } from 'pinia'
import { get } from '../api/request'

export const useDictionaries = defineStore('dictionaries', {
  state: () => ({ kinds: {}, loaded: false }),
  actions: {
    async load() {
      if (this.loaded) return
      try {
        this.kinds = (await get('/api/mini/dictionaries')) || {}
        this.loaded = true
      } catch (e) {
        // labels fall back to codes until the dictionaries can be read
      }
    },
    /** The Chinese label of a server code, or the code itself when unknown. */
    label(kind, code) {
      const entry = (this.kinds[kind] || []).find((e) => e.code === code)
      return entry ? entry.label : code
    },
    /** The entries of one kind, [{code, label}], in the server's order. */
    options(kind) {
      return this.kinds[kind] || []
    }
  }
})
