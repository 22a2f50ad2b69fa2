import { describe, expect, it } from 'vitest'
import { photoCheckHint, photoTiles } from '../src/utils/tickets'

describe('photos under WeChat content check', () => {
  it('badges the uploader\'s own photos until they passed', () => {
    const tiles = photoTiles([
      { url: 'https://oss/a.jpg', status: 'PENDING', statusLabel: '审核中' },
      { url: 'https://oss/b.jpg', status: 'PASS', statusLabel: '已通过' }
    ], ['https://oss/a.jpg', 'https://oss/b.jpg'])
    expect(tiles).toEqual([
      { url: 'https://oss/a.jpg', pending: true, badge: '审核中' },
      { url: 'https://oss/b.jpg', pending: false, badge: '' }
    ])
    expect(photoCheckHint(tiles)).toContain('通过微信内容安全检测后')
  })

  it('shows bare URLs without a badge when the server gives no states, and nothing for none', () => {
    expect(photoTiles(undefined, ['https://oss/a.jpg'])).toEqual([{ url: 'https://oss/a.jpg', pending: false, badge: '' }])
    expect(photoTiles(null, null)).toEqual([])
    expect(photoCheckHint([])).toBe('')
  })

  it('falls back to 审核中 when a state comes without its label', () => {
    expect(photoTiles([{ url: 'u', status: 'PENDING' }], [])[0].badge).toBe('审核中')
  })
})
