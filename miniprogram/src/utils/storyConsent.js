// The volunteer's consent to appear in stories (先进典型), in words a volunteer can act on.
import { dateTime } from './format'

/** The line under the switch: what agreeing means, and since when it holds. */
export function consentNote(view) {
  if (view?.consented) {
    return `已于 ${dateTime(view.consentedAt)} 同意。团组织可以在“先进典型”中展示您的姓名、照片和事迹；关闭后，已发布的会立即撤下。`
  }
  return '未同意。团组织不会发布关于您的先进典型；同意后，工作人员才能发布写您事迹的文章（含姓名和照片）。'
}

/** The confirmation before a change: withdrawing takes published stories down. */
export function consentQuestion(consent) {
  return consent
    ? { title: '同意展示我的事迹', content: '同意后，团组织可以在小程序“先进典型”中发布写您事迹的文章（含姓名和照片）。随时可以撤回。' }
    : { title: '撤回同意', content: '撤回后，已发布的关于您的先进典型会立即撤下，今后也不会再发布。' }
}
