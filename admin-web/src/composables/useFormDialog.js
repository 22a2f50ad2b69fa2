import { ref, watch } from 'vue'
import { rowFieldErrors, useFieldErrors } from '@/utils/formErrors'

/**
 * The life of a form dialog (`v-model` open state, an `el-form` with `ref="formRef"`):
 *
 * - on opening: the API's field errors are cleared, `reset()` fills the form, the form's own
 *   validation messages go;
 * - `submit()`: validates, then runs `send()` (call the API, say so, emit the result) with `saving`
 *   on, and closes when it resolves;
 * - when `send()` fails: a code in `staleCodes` (the record changed meanwhile) emits
 *   `conflict(error)` and closes; anything else puts the API's `fieldErrors` on the fields
 *   (`errors.<field>`, codes without fieldErrors via `codeFields`), the rows of the sub-form `rows`
 *   on `rowErrors['<index>.<field>']` (errors about the whole list on `errors[rows]`), and leaves the
 *   rest to `onError(error, unmatched)`. The request wrapper has shown the API's message already.
 *
 * @param props the dialog's props (`modelValue`)
 * @param emit the dialog's emit (`update:modelValue`, and `conflict` when `staleCodes` is given)
 */
export function useFormDialog(
  props,
  emit,
  { fields, codeFields = {}, rows = null, reset = () => {}, send, ready = () => true, staleCodes = [], onError = () => {} },
) {
  const formRef = ref()
  const saving = ref(false)
  const rowErrors = ref({})
  const { errors, apply, clear: clearFields } = useFieldErrors(fields, codeFields)

  function clear() {
    clearFields()
    rowErrors.value = {}
  }

  watch(
    () => props.modelValue,
    (open) => {
      if (!open) return
      clear()
      reset()
      formRef.value?.clearValidate()
    },
  )

  function close() {
    emit('update:modelValue', false)
  }

  /** Whether the dialog sent the form and closed. */
  async function submit() {
    clear()
    const valid = await formRef.value.validate().catch(() => false)
    if (!valid || !ready()) return false
    saving.value = true
    try {
      await send()
      close()
      return true
    } catch (e) {
      if (staleCodes.includes(e?.code)) {
        emit('conflict', e)
        close()
        return false
      }
      let unmatched = apply(e)
      if (rows) {
        rowErrors.value = rowFieldErrors(unmatched, rows)
        if (rowErrors.value[''] && !errors[rows]) errors[rows] = rowErrors.value['']
        unmatched = unmatched.filter((fe) => fe?.field !== rows && !String(fe?.field ?? '').startsWith(`${rows}[`))
      }
      onError(e, unmatched)
      return false
    } finally {
      saving.value = false
    }
  }

  return { formRef, saving, errors, rowErrors, clear, close, submit }
}
