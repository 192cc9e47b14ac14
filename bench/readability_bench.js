// readability_bench.js - Readability.js on jsdom over the same pages, in
// one process, for comparison with bench_pipeline.
//
//   NODE_PATH=DIR/node_modules node bench/readability_bench.js [DATA]
//
// Pages are read and inflated before timing; each is given to jsdom as
// raw bytes (jsdom sniffs the charset), then Readability parses the
// document.  Prints one result line with the keys of bench_common.h.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function loadPages(dir) {
  const sub = path.join(dir, 'html');
  const root = fs.existsSync(sub) ? sub : dir;
  return fs.readdirSync(root)
    .filter((n) => n.endsWith('.html') || n.endsWith('.html.gz'))
    .sort()
    .map((n) => {
      const raw = fs.readFileSync(path.join(root, n));
      return n.endsWith('.gz') ? zlib.gunzipSync(raw) : raw;
    });
}

function percentile(sorted, p) {
  let rank = Math.ceil(p * sorted.length);
  rank = Math.min(Math.max(rank, 1), sorted.length);
  return sorted[rank - 1];
}

function main() {
  const pages = loadPages(process.argv[2] || '../shared/bench/aeb');
  const quiet = new VirtualConsole(); // page scripts' errors are not ours
  const ms = [];
  let bytes = 0;
  let outChars = 0;
  const start = process.hrtime.bigint();
  for (const html of pages) {
    const t0 = process.hrtime.bigint();
    const dom = new JSDOM(html, {
      url: 'https://example.org/',
      virtualConsole: quiet,
    });
    const article = new Readability(dom.window.document).parse();
    outChars += article && article.textContent ? article.textContent.length : 0;
    dom.window.close();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    bytes += html.length;
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const sorted = ms.slice().sort((a, b) => a - b);
  const rssKb = process.resourceUsage().maxRSS;
  console.log(
    `out_chars=${outChars} name=readability pages=${pages.length} ` +
      `bytes=${bytes} secs=${secs.toFixed(4)} ` +
      `pages_s=${(pages.length / secs).toFixed(2)} ` +
      `mb_s=${(bytes / 1e6 / secs).toFixed(2)} ` +
      `med_ms=${percentile(sorted, 0.5).toFixed(3)} ` +
      `p90_ms=${percentile(sorted, 0.9).toFixed(3)} ` +
      `max_ms=${sorted[sorted.length - 1].toFixed(3)} rss_kb=${rssKb}`
  );
}

main();
