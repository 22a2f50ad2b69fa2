// ECharts, tree-shaken: only the charts and components the dashboard uses. Pages load this module
// lazily (EChart.vue imports it on mount), so sign-in and the first paint stay light.
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export default echarts
