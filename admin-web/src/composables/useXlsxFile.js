import { ref } from 'vue'

/**
 * The .xlsx an import dialog sends: `onFileChange` is the `el-upload` change handler; a file that is
 * not .xlsx or larger than `maxBytes` is refused with a message on `fileError` before any upload.
 * `onPick()` runs on every choice (the dialogs drop the previous report).
 */
export function useXlsxFile(maxBytes, tooBigMessage, onPick = () => {}) {
  const file = ref(null)
  const fileError = ref('')

  function onFileChange(uploadFile) {
    const raw = uploadFile?.raw
    onPick()
    if (!raw) return
    if (!raw.name.toLowerCase().endsWith('.xlsx')) {
      file.value = null
      fileError.value = '请选择由模板填写的 .xlsx 文件'
      return
    }
    if (raw.size > maxBytes) {
      file.value = null
      fileError.value = tooBigMessage
      return
    }
    fileError.value = ''
    file.value = raw
  }

  function reset() {
    file.value = null
    fileError.value = ''
  }

  return { file, fileError, onFileChange, reset }
}
