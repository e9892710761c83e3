// The files the dashboard inlines, read when a dashboard is written (this module is loaded only
// then, so no other command pays for them). `new URL(…, import.meta.url)`: from src/ (tests) they
// are read where they are; the bundler (ncc) copies each one beside the bundle and points the URL
// there, so dist/ runs without node_modules.
import { readFileSync } from 'node:fs';
import type { PageAssets } from './html.js';

const read = (url: URL) => readFileSync(url, 'utf8');

export function pageAssets(): PageAssets {
  const assets = {
    chartJs: read(new URL('../../../node_modules/uplot/dist/uPlot.iife.min.js', import.meta.url)),
    chartCss: read(new URL('../../../node_modules/uplot/dist/uPlot.min.css', import.meta.url)),
    // A copy of node_modules/uplot/LICENSE: bundled under its own name, not as a bare LICENSE in dist/.
    chartLicense: read(new URL('./uplot-license.txt', import.meta.url)),
    pageJs: read(new URL('./dashboard-page.js', import.meta.url)),
    pageCss: read(new URL('./dashboard-page.css', import.meta.url)),
  };
  // Each is put between <script> or <style> tags: none may close its element early.
  for (const [name, text] of Object.entries(assets))
    if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`the dashboard's ${name} cannot be inlined`);
  return assets;
}
