// A chart of the report model as a Mermaid `xychart-beta` block for the job summary (GitHub draws
// them with mermaid 11). The categories (labels: server text) are redacted, then go through mermaidText; the title and
// the axis name are the report's own words, kept to letters, digits and plain punctuation so that no
// quote or line break ends their string; numbers are numbers. The colours are set for GitHub's light and dark themes
// alike: a strong blue for the data, red for the reference line, no background of its own.
import type { Chart } from '../report/charts.js';
import { mermaidText } from '../shared/neutralise.js';

export const CHART_INIT =
  '%%{init: {"themeVariables": {"xyChart": ' +
  '{"backgroundColor": "transparent", "plotColorPalette": "#1f6feb, #d1242f"}}}}%%';

/** Categories told apart when equal: a number after the second and later of the same name. */
function distinct(names: string[]): string[] {
  return names.map((name, i) => (names.indexOf(name) !== names.lastIndexOf(name) ? `${name} (${i + 1})` : name));
}

/** The report's own words (`Busiest day of each key, % of its daily limit`) inside a quoted string. */
const own = (text: string) => text.replace(/[^\p{L}\p{N} _.,:/()%×+-]/gu, '_');

const list = (values: readonly number[]) => values.map((v) => (Number.isFinite(v) ? v : 0)).join(', ');

/**
 * `redact` goes over each category before mermaidText: that one turns what a token holds besides
 * letters and digits (`&`, `;`, a quote) into `_`, so the summary's redaction, after, no longer knew it.
 */
export function mermaidChart(chart: Chart, redact: (text: string) => string): string {
  const categories = distinct(chart.x.map((x) => mermaidText(redact(x), 20) || '-'));
  return [
    '```mermaid',
    CHART_INIT,
    chart.horizontal ? 'xychart-beta horizontal' : 'xychart-beta',
    `    title "${own(chart.title)}"`,
    `    x-axis [${categories.map((c) => `"${c}"`).join(', ')}]`,
    `    y-axis "${own(chart.y.label)}" 0 --> ${Math.max(1, Math.ceil(chart.y.max))}`,
    ...(chart.bars ? [`    bar [${list(chart.bars)}]`] : []),
    ...(chart.line ? [`    line [${list(chart.line)}]`] : []),
    '```',
  ].join('\n');
}
