import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import { bindSession } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import CheckedPhotos from '@/components/CheckedPhotos.vue'
import { checkedPhotos, isUndecided } from '@/utils/photoChecks'
import { fakeBackend, makeRouter, settle, staffView } from './helpers'

const PHOTOS = [
  { url: 'https://oss/a.jpg', status: 'PASS', statusLabel: '已通过', checkId: 1 },
  { url: 'https://oss/b.jpg', status: 'UNCHECKED', statusLabel: '待人工审核', checkId: 2 },
  { url: 'https://oss/c.jpg', status: 'RISKY', statusLabel: '已隐藏（违规）', checkId: 3 },
]

let pinia
let session
let wrapper

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  session = useSessionStore()
  bindSession({ session, router: makeRouter() })
  session.token = 'tok'
})

afterEach(() => {
  wrapper?.unmount()
  ElMessage.closeAll()
  document.body.innerHTML = ''
})

async function mountAs(roles, props) {
  session.staff = staffView({ roles })
  wrapper = mount(CheckedPhotos, { props, global: { plugins: [pinia, ElementPlus] }, attachTo: document.body })
  await settle()
}

const buttons = () => [...wrapper.element.querySelectorAll('button')].map((b) => b.textContent.trim())

describe('photos under WeChat content check', () => {
  it('tags each photo with its state and offers 通过 / 隐藏 only for one WeChat has not judged', async () => {
    await mountAs(['DISPATCHER'], { photos: PHOTOS })
    expect(wrapper.text()).toContain('已通过')
    expect(wrapper.text()).toContain('待人工审核')
    expect(wrapper.text()).toContain('已隐藏（违规）')
    expect(buttons()).toEqual(['通过', '隐藏'])
  })

  it('passes a photo through the API and tells the parent', async () => {
    const calls = fakeBackend(() => ({ data: { ...PHOTOS[1], status: 'PASS', statusLabel: '已通过' } }))
    await mountAs(['ORG_ADMIN'], { photos: PHOTOS })
    wrapper.element.querySelector('button').click()
    await settle()
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /photo-checks/2/pass'])
    expect(wrapper.emitted('decided')[0][0].status).toBe('PASS')
  })

  it('gives a viewer no buttons, and shows bare URLs of an older answer without tags', async () => {
    await mountAs(['VIEWER'], { photos: PHOTOS })
    expect(buttons()).toEqual([])
    expect(checkedPhotos(undefined, ['u'])).toEqual([{ url: 'u', status: null, statusLabel: '', checkId: null }])
    expect(isUndecided({ status: 'PENDING', checkId: 9 })).toBe(true)
    expect(isUndecided({ status: 'RISKY', checkId: 9 })).toBe(false)
  })
})
