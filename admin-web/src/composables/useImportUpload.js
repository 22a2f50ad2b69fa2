import { computed, ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { useXlsxFile } from '@/composables/useXlsxFile'

/**
 * The life of an import dialog (`v-model` open state, one .xlsx sent for a report):
 *
 * - on opening: the file, the report, the failure and the progress are cleared, then `onOpen()` runs
 *   (e.g. preset the target org);
 * - `downloadTemplate()` runs `fetchTemplate()` with `downloading` on (the request wrapper shows why it failed);
 * - `upload({ validOnly, dryRun })` refuses without a file, else runs `send(file, { validOnly, dryRun },
 *   onProgress)` with `uploading` on and keeps what it resolves to as `report`; a committed import
 *   shows `successMessage(report)` and emits `imported(report)`; a failure clears the report and
 *   puts the message on `failure`. Choosing another file drops the previous report and failure.
 *
 * @param props the dialog's props (`modelValue`)
 * @param emit the dialog's emit (`update:modelValue`, `imported`)
 */
export function useImportUpload(
  props,
  emit,
  { maxBytes, tooBigMessage, send, fetchTemplate, successMessage, onOpen = () => {} },
) {
  const uploading = ref(false)
  const progress = ref(0)
  const report = ref(null)
  const failure = ref('')
  const downloading = ref(false)
  const { file, fileError, onFileChange, reset: resetFile } = useXlsxFile(maxBytes, tooBigMessage, () => {
    report.value = null
    failure.value = ''
  })

  const errorCount = computed(() => report.value?.errors?.length || 0)
  const badRowCount = computed(() => new Set((report.value?.errors || []).map((e) => e.row)).size)

  watch(
    () => props.modelValue,
    (open) => {
      if (!open) return
      resetFile()
      progress.value = 0
      report.value = null
      failure.value = ''
      onOpen()
    },
  )

  async function downloadTemplate() {
    downloading.value = true
    try {
      await fetchTemplate()
    } catch {
      // the wrapper has shown why
    } finally {
      downloading.value = false
    }
  }

  async function upload({ validOnly = false, dryRun = false } = {}) {
    if (!file.value) {
      fileError.value = '请选择要导入的 .xlsx 文件'
      return
    }
    uploading.value = true
    progress.value = 0
    failure.value = ''
    try {
      const result = await send(file.value, { validOnly, dryRun }, (p) => (progress.value = p))
      report.value = result
      // a dry run never commits: it leaves the file selected, and 开始导入 sends it for real
      if (result.committed) {
        ElMessage.success(successMessage(result))
        emit('imported', result)
      }
    } catch (e) {
      report.value = null
      failure.value = e.message
    } finally {
      uploading.value = false
    }
  }

  function close() {
    emit('update:modelValue', false)
  }

  return {
    file,
    fileError,
    onFileChange,
    uploading,
    progress,
    report,
    failure,
    downloading,
    errorCount,
    badRowCount,
    downloadTemplate,
    upload,
    close,
  }
}
