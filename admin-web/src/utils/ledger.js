// The daily ledger (工作台账): its figures, their drill-down keys and how to show them.

/** The day's flow, in ledger order; `figure` is the drill-down key of GET /ledger/drill. */
export const LEDGER_FIGURES = Object.freeze([
  { key: 'newTotal', figure: 'new', label: '新增需求' },
  { key: 'accepted', figure: 'accepted', label: '受理' },
  { key: 'dispatched', figure: 'dispatched', label: '派单' },
  { key: 'claimed', figure: 'claimed', label: '志愿者认领' },
  { key: 'done', figure: 'done', label: '办结' },
  { key: 'confirmed', figure: 'confirmed', label: '家属确认' },
  { key: 'overdue', figure: 'overdue', label: '超时未办结', danger: true },
  { key: 'openAtEnd', figure: 'openAtEnd', label: '日终在办' },
])

const FIGURE_LABELS = Object.fromEntries(LEDGER_FIGURES.map((f) => [f.figure, f.label]))

/** "category:MEALS" → "新增需求 · 送餐" given the ledger's label lists; plain figures by their label. */
export function figureTitle(figure, ledger) {
  const [kind, code] = String(figure || '').split(':')
  if (kind === 'category' || kind === 'channel') {
    const list = kind === 'category' ? ledger?.newByCategory : ledger?.newByChannel
    const label = list?.find((x) => x.key === code)?.label || code
    return `新增需求 · ${label}`
  }
  return FIGURE_LABELS[figure] || figure
}

/** Minutes as "45 分钟" / "3 小时 20 分钟" / "2 天 4 小时"; "—" without a value. */
export function formatMinutes(value) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '—'
  const m = Math.round(Number(value))
  if (m < 60) return `${m} 分钟`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h} 小时 ${m % 60} 分钟` : `${h} 小时`
  return h % 24 ? `${Math.floor(h / 24)} 天 ${h % 24} 小时` : `${Math.floor(h / 24)} 天`
}

/** "4.6 分（12 人评价）", or "暂无评价". */
export function formatRating(average, count) {
  if (!count || average === null || average === undefined) return '暂无评价'
  return `${Number(average).toFixed(1)} 分（${count} 人评价）`
}

const PALETTE = ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399', '#9b59b6', '#1abc9c', '#34495e', '#d35400']

/** Bar chart of [{label, count}]. */
export function barOption(items, name = '数量') {
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: { interval: 0, rotate: items.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: items.map((i) => i.count), barMaxWidth: 36 }],
  }
}

/** Pie chart of [{label, count}]. */
export function pieOption(items, name) {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        name,
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: items.filter((i) => i.count > 0).map((i) => ({ name: i.label, value: i.count })),
        label: { formatter: '{b} {c}' },
      },
    ],
  }
}

const TREND_SERIES = [
  { key: 'newTotal', name: '新增' },
  { key: 'done', name: '办结' },
  { key: 'confirmed', name: '确认' },
  { key: 'overdue', name: '超时' },
  { key: 'openAtEnd', name: '日终在办' },
]

/** Line chart of the trend [{date, newTotal, done, confirmed, overdue, openAtEnd}]. */
export function trendOption(days) {
  return {
    color: ['#409eff', '#67c23a', '#1abc9c', '#f56c6c', '#e6a23c'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => String(d.date).slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: TREND_SERIES.map((s) => ({ name: s.name, type: 'line', smooth: true, data: days.map((d) => d[s.key] ?? 0) })),
  }
}
