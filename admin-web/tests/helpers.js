// Test helpers: a fake backend behind the real axios instance, the app's router on memory history, and
// pages mounted as the app shows them.
import { AxiosError } from 'axios'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory } from 'vue-router'
import { http } from '@/api/request'
import { createAppRouter } from '@/router'

/**
 * Replaces the HTTP adapter: `handler(config)` returns {status, data, headers} or throws.
 * Every request is recorded in `calls` as {method, url, params, data, headers}; `config` is axios'
 * request config (e.g. to call `onUploadProgress`).
 */
export function fakeBackend(handler) {
  const calls = []
  http.defaults.adapter = async (config) => {
    const call = {
      method: config.method.toUpperCase(),
      url: config.url,
      params: config.params,
      // JSON bodies are parsed back; multipart bodies (FormData) stay as they are
      data: typeof config.data === 'string' && config.data ? JSON.parse(config.data) : (config.data ?? undefined),
      headers: { ...config.headers },
    }
    calls.push(call)
    const reply = await handler(call, config)
    const response = {
      status: reply.status ?? 200,
      statusText: String(reply.status ?? 200),
      data: reply.data ?? null,
      headers: reply.headers ?? {},
      config,
      request: {},
    }
    if (response.status >= 400) {
      throw new AxiosError(`Request failed with status code ${response.status}`, AxiosError.ERR_BAD_RESPONSE, config, {}, response)
    }
    return response
  }
  return calls
}

/** A backend error body as the API sends it. */
export function apiError(status, code, message, fieldErrors = []) {
  return { status, data: { code, message, traceId: 'trace-test-1', fieldErrors } }
}

/** The app's real routes and guards, on memory history. */
export function makeRouter() {
  return createAppRouter(createMemoryHistory())
}

export function staffView(overrides = {}) {
  return {
    id: 1,
    orgId: 10,
    orgName: '共青团广东省委员会',
    username: 'admin',
    displayName: '省团委管理员',
    roles: ['SUPER_ADMIN'],
    roleLabels: ['超级管理员'],
    enabled: true,
    locked: false,
    mustChangePassword: false,
    lastLoginAt: '2026-11-25T09:30:00',
    version: 0,
    ...overrides,
  }
}

/** Texts of the ElMessage toasts on screen. */
export function toastTexts() {
  return [...document.querySelectorAll('.el-message .el-message__content')].map((el) => el.textContent.trim())
}

export async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

/**
 * Mounts a page as the router shows it: goes to `path` first, then mounts `component` with the test's
 * `pinia` and `router` and Element Plus, into document.body (dialogs and toasts are teleported there),
 * and lets its first requests settle.
 */
export async function mountPage(component, path, { pinia, router }) {
  await router.push(path)
  const wrapper = mount(component, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body })
  await settle()
  return wrapper
}
