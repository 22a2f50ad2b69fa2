import { ref } from 'vue'

/**
 * The state of one paged list: rows, total, page, size, loading and the error to show.
 * `fetchPage({ page, size })` returns the API's `{ items, total }`; an answer that arrives after a
 * newer request was sent is ignored, so fast filter changes never show stale rows.
 */
export function usePagedList(fetchPage) {
  const rows = ref([])
  const total = ref(0)
  const page = ref(1)
  const size = ref(20)
  const loading = ref(false)
  const loadError = ref('')
  let latest = 0

  async function load() {
    const mine = ++latest
    loading.value = true
    loadError.value = ''
    try {
      const result = await fetchPage({ page: page.value, size: size.value })
      if (mine !== latest) return
      rows.value = result.items
      total.value = result.total
    } catch (e) {
      if (mine !== latest) return
      rows.value = []
      total.value = 0
      loadError.value = e.message
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  /** Back to the first page: for new filters and for a new page size. */
  function search() {
    page.value = 1
    return load()
  }

  return { rows, total, page, size, loading, loadError, load, search }
}
