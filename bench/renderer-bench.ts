/**
 * The renderer's first screen: how much JavaScript the window must load before it can start (the
 * entry chunk and everything index.html preloads, and their static imports), and how long Chromium
 * takes from navigation to the first page's heading, over 20 loads against the browser host.
 * Needs the build in out/ (scripts/bench.mjs builds it when stale).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Response } from 'playwright-core';
import { startHostProcess, type HostProcess } from '../test/e2e/harness/host-process';
import { median, percentile, report, type Figure } from './report';

const LOADS = 20;
const rendererDir = resolve(import.meta.dirname, '../out/renderer');
const KB = 1024;

function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function brotliSize(bytes: Buffer): number {
  return brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }).length;
}

/**
 * The JavaScript a window loads before any code runs: index.html's module script and modulepreload
 * links, plus every chunk those import statically (dynamic `import()` chunks are left out: they load
 * on demand).
 */
function initialChunks(): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\.?\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1] as string);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !path.endsWith('.js')) return;
    seen.add(path);
    const code = readFileSync(join(rendererDir, path), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) {
      visit(join(path, '..', m[1] as string).replace(/\\/g, '/'));
    }
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

async function newContext(browser: Browser, host: HostProcess): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB' });
  await host.addSessionTo(context);
  // Time from navigation start to the first page's h1 being in the document with a layout box.
  await context.addInitScript(() => {
    const w = window as unknown as { __firstHeadingAt?: number };
    const check = () => {
      const h1 = document.querySelector('#main h1');
      if (w.__firstHeadingAt === undefined && h1 && h1.getBoundingClientRect().height > 0) {
        w.__firstHeadingAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
  });
  return context;
}

interface Load {
  ms: number;
  jsBytes: number;
  jsFiles: string[];
}

async function loadOnce(context: BrowserContext, host: HostProcess): Promise<Load> {
  const page = await context.newPage();
  const js: Array<{ url: string; bytes: Promise<number> }> = [];
  const onResponse = (response: Response) => {
    if (!response.url().endsWith('.js')) return;
    // Bytes on the wire (compressed), as the host sent them. A chunk fetched after the first screen
    // (when the browser is idle) may still be in flight when the page closes: it counts as 0 bytes here.
    js.push({ url: response.url(), bytes: response.request().sizes().then((s) => s.responseBodySize, () => 0) });
  };
  page.on('response', onResponse);
  await page.goto(host.url);
  await page.waitForFunction(() => (window as unknown as { __firstHeadingAt?: number }).__firstHeadingAt !== undefined, undefined, { timeout: 20_000 });
  const ms = await page.evaluate(() => (window as unknown as { __firstHeadingAt: number }).__firstHeadingAt);
  // Only what arrived for the first screen; chunks fetched later, at idle time, are not part of it.
  page.off('response', onResponse);
  const sizes = await Promise.all(js.map((j) => j.bytes));
  await page.close();
  return { ms, jsBytes: sizes.reduce((a, b) => a + b, 0), jsFiles: js.map((j) => new URL(j.url).pathname) };
}

async function main(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `node scripts/build-all.mjs` first');
  console.log('Renderer bench: initial JavaScript and time to the first heading in Chromium');
  const chunks = initialChunks();
  const bytes = chunks.map((c) => readFileSync(join(rendererDir, c)));
  const raw = bytes.reduce((a, b) => a + b.length, 0);
  const gzip = bytes.reduce((a, b) => a + gzipSize(b), 0);
  const brotli = bytes.reduce((a, b) => a + brotliSize(b), 0);

  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const host = await startHostProcess();
  try {
    // Warm-up: the host compresses each file on its first request; Chromium warms its own caches.
    const warmUp = await newContext(browser, host);
    const first = await loadOnce(warmUp, host);
    await warmUp.close();

    const cold: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await newContext(browser, host); // empty HTTP cache: every file fetched
      cold.push(await loadOnce(context, host));
      await context.close();
    }
    const warmContext = await newContext(browser, host);
    await loadOnce(warmContext, host);
    const warm: Load[] = [];
    for (let i = 0; i < LOADS; i++) warm.push(await loadOnce(warmContext, host)); // hashed chunks from cache
    await warmContext.close();

    const coldMs = cold.map((l) => l.ms);
    const warmMs = warm.map((l) => l.ms);
    const firstScreenJs = median(cold.map((l) => l.jsBytes));
    const figures: Figure[] = [
      { metric: `initial JS (${chunks.length} chunk${chunks.length === 1 ? '' : 's'}), gzip`, value: gzip / KB, unit: 'KB', target: 150, note: `${(raw / KB).toFixed(0)} KB raw, ${(brotli / KB).toFixed(1)} KB brotli: ${chunks.join(', ')}` },
      { metric: `first screen, median of ${LOADS} loads (empty cache)`, value: median(coldMs), unit: 'ms', target: 100, note: `p95 ${percentile(coldMs, 0.95).toFixed(0)} ms; navigation → first page h1 laid out` },
      { metric: `first screen, median of ${LOADS} loads (cached assets)`, value: median(warmMs), unit: 'ms', note: `p95 ${percentile(warmMs, 0.95).toFixed(0)} ms` },
      { metric: 'JS on the wire for the first screen (brotli)', value: firstScreenJs / KB, unit: 'KB', note: `${cold[0]?.jsFiles.length ?? 0} files incl. the first page and its language` },
      { metric: 'very first load after host start', value: first.ms, unit: 'ms', note: 'the host compresses each file on first request' },
    ];
    report('renderer', 'Renderer: initial JavaScript and first screen (Chromium against the browser host)', figures, {
      initialChunks: chunks,
      firstScreenFiles: cold[0]?.jsFiles ?? [],
      samples: { coldMs, warmMs },
    });
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
