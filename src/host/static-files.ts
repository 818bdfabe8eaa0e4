import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Resolves a URL path to a file inside `root`, or null when it escapes the root (`..`, encoded
 * slashes) or does not exist. `/` is the renderer's index.html.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return null;
  try {
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}


export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send for an `Accept-Encoding` header: brotli when accepted at least as much as gzip,
 * else gzip, else none. Honours `q` weights (`q=0` refuses) and `*`.
 */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) && weight > 0 ? Math.min(weight, 1) : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

/** Build output named by its content hash (`assets/index-B8V6dY74.js`): it never changes under that name. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2|svg|png)$/;

/**
 * Hashed assets are kept for a year without asking again; everything else (index.html) is checked on
 * every load, so a new build is picked up at once. `private`: these answers need the session cookie.
 */
export function cacheControlFor(root: string, file: string): string {
  const path = relative(resolve(root), file).split(sep).join('/');
  return HASHED_ASSET.test(path) ? 'private, max-age=31536000, immutable' : 'private, no-cache';
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);
/** Below this, compression saves less than it costs. */
const MIN_COMPRESS_BYTES = 1024;

export interface StaticAnswer {
  status: 200 | 304;
  body: Buffer;
  contentType: string;
  headers: Record<string, string>;
}

/**
 * The renderer's files with compression and cache headers. Each file is compressed once per encoding
 * (on its first request, in the thread pool) and kept while its size and modification time stay the
 * same; a rebuilt file is compressed again.
 */
export class StaticFiles {
  private readonly root: string;
  private readonly compressed = new Map<string, { stamp: string; body: Promise<Buffer> }>();

  constructor(root: string) {
    this.root = root;
  }

  /** The answer for a GET of `urlPath`, or null when there is no such file inside the root. */
  async get(urlPath: string, headers: { acceptEncoding?: string; ifNoneMatch?: string } = {}): Promise<StaticAnswer | null> {
    const file = await resolveStaticFile(this.root, urlPath);
    if (!file) return null;
    const info = await stat(file);
    const type = extname(file);
    const contentType = MIME[type] ?? 'application/octet-stream';
    const encoding = COMPRESSIBLE.has(type) && info.size >= MIN_COMPRESS_BYTES ? chooseEncoding(headers.acceptEncoding) : null;
    const stamp = `${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}`;
    const etag = `"${stamp}${encoding ? `-${encoding}` : ''}"`;
    const answerHeaders: Record<string, string> = {
      'Cache-Control': cacheControlFor(this.root, file),
      ETag: etag,
      ...(COMPRESSIBLE.has(type) ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    };
    if (headers.ifNoneMatch !== undefined && headers.ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return { status: 304, body: Buffer.alloc(0), contentType, headers: answerHeaders };
    }
    const body = encoding ? await this.compressedBody(file, stamp, encoding) : await readFile(file);
    return { status: 200, body, contentType, headers: answerHeaders };
  }

  private compressedBody(file: string, stamp: string, encoding: ContentEncoding): Promise<Buffer> {
    const key = `${encoding}:${file}`;
    const cached = this.compressed.get(key);
    if (cached && cached.stamp === stamp) return cached.body;
    const body = readFile(file).then((raw) =>
      encoding === 'br'
        ? brotli(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipAsync(raw, { level: 9 }),
    );
    this.compressed.set(key, { stamp, body });
    // A failed read or compression is not kept: the next request tries again.
    body.catch(() => {
      if (this.compressed.get(key)?.body === body) this.compressed.delete(key);
    });
    return body;
  }
}
