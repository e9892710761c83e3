// A chart as data: what it shows, not how one channel draws it. The job summary draws it with
// Mermaid (src/render/mermaid.ts), the dashboard with its chart library.

export interface Chart {
  /** One line: what the chart shows. */
  title: string;
  /** The categories along the x-axis (server days, key labels: server text, neutralised by each renderer). */
  x: string[];
  y: { label: string; max: number };
  bars?: number[];
  /** Bars across (each category a line of its own, so long labels stay whole). */
  horizontal?: boolean;
  /** A series drawn as a line: daily totals, or a reference such as the alert threshold or 100 %. */
  line?: number[];
}
