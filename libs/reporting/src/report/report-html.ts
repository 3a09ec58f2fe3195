import type { AchievementReport } from './achievement-report.service.js';
import { programChart } from './report-chart.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

const both = (text: { ja: string | null; en: string | null }) =>
  escape([text.ja, text.en].filter((part) => part).join(' / '));

const STYLE = `
body { font-family: "Hiragino Sans", "Noto Sans JP", sans-serif; margin: 2rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f3f3; } .note { color: #666; font-size: 0.85rem; }`;

/** The report as one HTML document: inline CSS and inline SVG charts, nothing fetched. */
export function reportHtml(report: AchievementReport): string {
  const year = report.fiscalYear;
  const sections = report.programs.map(({ program, kpis, history }) => {
    const rows = kpis.figures
      .map(
        (figure) =>
          `<tr><td>${both(figure.label)}</td><td class="n">${figure.actual}</td>` +
          `<td class="n">${figure.target?.value ?? ''}</td>` +
          `<td>${figure.target ? `${figure.target.fromFiscalYear}–${figure.target.toFiscalYear}` : ''}</td>` +
          `<td class="n">${figure.target?.actual ?? ''}</td>` +
          `<td class="n">${figure.target ? `${figure.target.achievedPercent}%` : ''}</td></tr>`,
      )
      .join('\n');
    return `<section>
<h2>${both(program.name)} <span class="note">(${escape(program.code)})</span></h2>
<table>
<thead><tr><th>指標 / KPI</th><th>実績 / Actual</th><th>目標 / Target</th><th>目標期間 / Period</th><th>期間実績 / Over the period</th><th>達成率 / Achieved</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<figure>${programChart(history)}<figcaption class="note">FY${history[0]?.fiscalYear ?? year}–FY${year} 実績の推移 / Actuals over five fiscal years</figcaption></figure>
</section>`;
  });
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>${year}年度 実績報告 / FY${year} achievement report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${year}年度 実績報告 / FY${year} achievement report</h1>
<p class="note">${year}年4月1日〜${year + 1}年3月31日（日本時間） / 1 April ${year} – 31 March ${year + 1} (Asia/Tokyo). 作成 / Generated ${escape(report.generatedAt.toISOString())}</p>
${sections.length ? sections.join('\n') : '<p>プログラムがありません / No programs</p>'}
</body>
</html>
`;
}
