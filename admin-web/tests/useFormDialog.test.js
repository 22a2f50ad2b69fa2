import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElForm, ElFormItem, ElInput } from 'element-plus'
import { useFormDialog } from '@/composables/useFormDialog'
import { ApiError } from '@/api/request'
import { settle } from './helpers'

/** A minimal form dialog: a name, a list of contacts (rows), and what the composable gives it. */
function mountDialog(options, props = {}) {
  const Dialog = defineComponent({
    props: { modelValue: { type: Boolean, default: false } },
    emits: ['update:modelValue', 'saved', 'conflict'],
    setup(p, { emit, expose }) {
      const form = reactive({ name: '', contacts: [] })
      const dialog = useFormDialog(p, emit, {
        fields: ['name', 'contacts'],
        codeFields: { NAME_TAKEN: 'name' },
        rows: 'contacts',
        staleCodes: ['VERSION_CONFLICT'],
        reset: () => Object.assign(form, { name: 'start', contacts: [{ phone: '' }, { phone: '' }] }),
        ...options(form, emit),
      })
      expose({ form, ...dialog })
      const rules = { name: [{ required: true, message: '请填写名称', trigger: 'blur' }] }
      return () =>
        h(ElForm, { ref: dialog.formRef, model: form, rules }, () => [
          h(ElFormItem, { label: '名称', prop: 'name', error: dialog.errors.name }, () =>
            h(ElInput, { modelValue: form.name, 'onUpdate:modelValue': (v) => (form.name = v) }),
          ),
        ])
    },
  })
  return mount(Dialog, { props, global: { plugins: [ElementPlus] }, attachTo: document.body })
}

let wrapper
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

const apiError = (code, fieldErrors = []) => new ApiError({ status: code === 'VERSION_CONFLICT' ? 409 : 400, code, message: `错误 ${code}`, fieldErrors })

describe('useFormDialog', () => {
  it('fills the form on opening and clears the errors of the last try', async () => {
    const send = vi.fn().mockRejectedValue(apiError('VALIDATION_FAILED', [{ field: 'name', message: '名称太长' }]))
    wrapper = mountDialog(() => ({ send }))
    await wrapper.setProps({ modelValue: true })
    expect(wrapper.vm.form.name).toBe('start')
    await wrapper.vm.submit()
    expect(wrapper.vm.errors.name).toBe('名称太长')

    await wrapper.setProps({ modelValue: false })
    wrapper.vm.form.name = 'changed'
    await wrapper.setProps({ modelValue: true })
    expect(wrapper.vm.errors.name).toBe('')
    expect(wrapper.vm.form.name).toBe('start')
  })

  it('sends a valid form, keeps saving on meanwhile, then closes', async () => {
    let finish
    const send = vi.fn(() => new Promise((ok) => (finish = ok)))
    wrapper = mountDialog(() => ({ send }))
    await wrapper.setProps({ modelValue: true })
    const done = wrapper.vm.submit()
    await vi.waitFor(() => expect(send).toHaveBeenCalledOnce())
    expect(wrapper.vm.saving).toBe(true)
    finish()
    expect(await done).toBe(true)
    expect(wrapper.vm.saving).toBe(false)
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
  })

  it('sends nothing while the form is invalid or not ready', async () => {
    const send = vi.fn()
    let ready = false
    wrapper = mountDialog(() => ({ send, ready: () => ready }))
    await wrapper.setProps({ modelValue: true })
    expect(await wrapper.vm.submit()).toBe(false)
    wrapper.vm.form.name = ''
    expect(await wrapper.vm.submit()).toBe(false)
    await settle()
    expect(wrapper.find('.el-form-item').classes()).toContain('is-error')
    ready = true
    wrapper.vm.form.name = 'ok'
    expect(await wrapper.vm.submit()).toBe(true)
    expect(send).toHaveBeenCalledOnce()
  })

  it('puts the API’s field errors on the fields and the rows, hands on the rest, and stays open', async () => {
    const onError = vi.fn()
    const send = vi.fn().mockRejectedValue(
      apiError('VALIDATION_FAILED', [
        { field: 'name', message: '名称太长' },
        { field: 'contacts[1].phone', message: '电话格式不对' },
        { field: 'contacts', message: '至少一位联系人' },
        { field: 'batch', message: '批次不存在' },
      ]),
    )
    wrapper = mountDialog(() => ({ send, onError }))
    await wrapper.setProps({ modelValue: true })
    expect(await wrapper.vm.submit()).toBe(false)

    expect(wrapper.vm.errors.name).toBe('名称太长')
    expect(wrapper.vm.errors.contacts).toBe('至少一位联系人')
    expect(wrapper.vm.rowErrors).toEqual({ '1.phone': '电话格式不对' })
    expect(onError).toHaveBeenCalledWith(expect.any(ApiError), [{ field: 'batch', message: '批次不存在' }])
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    expect(wrapper.vm.saving).toBe(false)
    await settle()
    expect(wrapper.find('.el-form-item').classes()).toContain('is-error')
  })

  it('shows a code without fieldErrors on its field', async () => {
    wrapper = mountDialog(() => ({ send: vi.fn().mockRejectedValue(apiError('NAME_TAKEN')) }))
    await wrapper.setProps({ modelValue: true })
    await wrapper.vm.submit()
    expect(wrapper.vm.errors.name).toBe('错误 NAME_TAKEN')
  })

  it('closes and reports a conflict when the record changed meanwhile', async () => {
    wrapper = mountDialog(() => ({ send: vi.fn().mockRejectedValue(apiError('VERSION_CONFLICT')) }))
    await wrapper.setProps({ modelValue: true })
    expect(await wrapper.vm.submit()).toBe(false)
    expect(wrapper.emitted('conflict')[0][0].code).toBe('VERSION_CONFLICT')
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
  })
})
