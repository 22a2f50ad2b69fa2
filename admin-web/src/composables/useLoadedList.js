import { ref } from 'vue'

/**
 * The state of one list that is not paged (the API answers an array): rows, loading and the error to show.
 * An answer that arrives after a newer request was sent is ignored, as in `usePagedList`.
 */
export function useLoadedList(fetchAll) {
  const rows = ref([])
  const loading = ref(false)
  const loadError = ref('')
  let latest = 0

  async function load() {
    const mine = ++latest
    loading.value = true
    loadError.value = ''
    try {
      const list = await fetchAll()
      if (mine === latest) rows.value = Array.isArray(list) ? list : []
    } catch (e) {
      if (mine !== latest) return
      rows.value = []
      loadError.value = e.message
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { rows, loading, loadError, load }
}
