import * as echarts from 'echarts';
import { EXTERNAL_KPIS, KPI_LABELS, type Kpi } from '../kpi/kpi.js';
import type { ProgramReport } from './achievement-report.service.js';

const WIDTH = 720;
const HEIGHT = 320;

/**
 * A program's KPIs over the last fiscal years as an SVG bar chart, rendered
 * on the server (no browser). External figures get their own axis: consents
 * run to thousands while introductions stay in single digits.
 */
export function programChart(history: ProgramReport['history']): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    const kpis = Object.keys(history[0]?.actual ?? {}) as Kpi[];
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif' },
      legend: { type: 'plain', top: 0, left: 0, right: 0, textStyle: { fontSize: 10 } },
      grid: { top: 70, left: 50, right: 60, bottom: 30 },
      xAxis: { type: 'category', data: history.map((year) => `FY${year.fiscalYear}`) },
      yAxis: [
        { type: 'value', minInterval: 1, name: '件 / count' },
        { type: 'value', minInterval: 1, name: '外部 / external', position: 'right' },
      ],
      series: kpis.map((kpi) => ({
        name: KPI_LABELS[kpi].ja,
        type: 'bar',
        yAxisIndex: EXTERNAL_KPIS.includes(kpi) ? 1 : 0,
        data: history.map((year) => year.actual[kpi]),
      })),
    });
    // inline in HTML the namespaces are implied; without them the page names no URL at all
    return chart.renderToSVGString().replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
  } finally {
    chart.dispose();
  }
}
