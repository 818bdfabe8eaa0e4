// The renderer's files as the browser host serves them: compression by Accept-Encoding, cache headers,
// revalidation, and a rebuilt file compressed again.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, chooseEncoding, StaticFiles } from '../../../src/host/static-files';

const root = mkdtempSync(join(tmpdir(), 'static-files-'));
mkdirSync(join(root, 'assets'));
const script = `export const words = ${JSON.stringify('lorem ipsum dolor sit amet '.repeat(400))};\n`;
writeFileSync(join(root, 'index.html'), `<!doctype html><title>app</title>${'<!-- padding -->'.repeat(100)}`);
writeFileSync(join(root, 'assets', 'index-B8V6dY74.js'), script);
writeFileSync(join(root, 'assets', 'tiny-C2_8ztGi.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'logo-AbCdEf12.png'), Buffer.alloc(4096, 1));

describe('chooseEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['BR', 'br'],
    ['gzip;q=0, br;q=0', null],
    ['identity', null],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate', null],
  ])('Accept-Encoding %j → %j', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('cacheControlFor', () => {
  it('keeps hashed build output for a year and checks everything else on each load', () => {
    expect(cacheControlFor(root, join(root, 'assets', 'index-B8V6dY74.js'))).toBe('private, max-age=31536000, immutable');
    expect(cacheControlFor(root, join(root, 'assets', 'catalogue-nl--2xO2uc1.js'))).toBe('private, max-age=31536000, immutable');
    expect(cacheControlFor(root, join(root, 'index.html'))).toBe('private, no-cache');
    expect(cacheControlFor(root, join(root, 'assets', 'app.js'))).toBe('private, no-cache');
    expect(cacheControlFor(root, join(root, 'favicon-B8V6dY74.js'))).toBe('private, no-cache'); // not under assets/
  });
});

describe('StaticFiles', () => {
  const files = new StaticFiles(root);

  it('sends brotli when accepted, gzip otherwise, and plain bytes when neither is', async () => {
    const br = await files.get('/assets/index-B8V6dY74.js', { acceptEncoding: 'gzip, deflate, br' });
    expect(br?.headers['Content-Encoding']).toBe('br');
    expect(br?.headers.Vary).toBe('Accept-Encoding');
    expect(br!.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(br!.body).toString()).toBe(script);

    const gz = await files.get('/assets/index-B8V6dY74.js', { acceptEncoding: 'gzip' });
    expect(gz?.headers['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(gz!.body).toString()).toBe(script);

    const plain = await files.get('/assets/index-B8V6dY74.js', {});
    expect(plain?.headers['Content-Encoding']).toBeUndefined();
    expect(plain?.body.toString()).toBe(script);
    expect(plain?.contentType).toMatch(/javascript/);
    // One tag per representation, so a cache never serves brotli to a client that asked for gzip.
    expect(new Set([br, gz, plain].map((a) => a?.headers.ETag)).size).toBe(3);
  });

  it('sets the cache headers: hashed assets immutable for a year, index.html revalidated', async () => {
    expect((await files.get('/assets/index-B8V6dY74.js'))?.headers['Cache-Control']).toBe('private, max-age=31536000, immutable');
    const index = await files.get('/', { acceptEncoding: 'gzip' });
    expect(index?.headers['Cache-Control']).toBe('private, no-cache');
    expect(index?.headers['Content-Encoding']).toBe('gzip');
    expect(index?.contentType).toMatch(/text\/html/);
  });

  it('leaves tiny files and images uncompressed', async () => {
    expect((await files.get('/assets/tiny-C2_8ztGi.js', { acceptEncoding: 'br' }))?.headers['Content-Encoding']).toBeUndefined();
    const png = await files.get('/assets/logo-AbCdEf12.png', { acceptEncoding: 'br' });
    expect(png?.headers['Content-Encoding']).toBeUndefined();
    expect(png?.headers.Vary).toBeUndefined();
    expect(png?.body.length).toBe(4096);
  });

  it('answers 304 without a body when the browser already has that version', async () => {
    const first = await files.get('/', { acceptEncoding: 'br' });
    const again = await files.get('/', { acceptEncoding: 'br', ifNoneMatch: first!.headers.ETag });
    expect(again?.status).toBe(304);
    expect(again?.body.length).toBe(0);
    const otherEncoding = await files.get('/', { acceptEncoding: 'gzip', ifNoneMatch: first!.headers.ETag });
    expect(otherEncoding?.status).toBe(200);
  });

  it('compresses a rebuilt file again instead of serving the old bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'static-rebuilt-'));
    const file = join(dir, 'index.html');
    writeFileSync(file, `<!doctype html>${'a'.repeat(2000)}`);
    const own = new StaticFiles(dir);
    const before = await own.get('/', { acceptEncoding: 'br' });
    writeFileSync(file, `<!doctype html>${'b'.repeat(3000)}`);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const after = await own.get('/', { acceptEncoding: 'br' });
    expect(brotliDecompressSync(after!.body).toString()).toBe(`<!doctype html>${'b'.repeat(3000)}`);
    expect(after?.headers.ETag).not.toBe(before?.headers.ETag);
  });

  it('finds nothing outside the root or for a missing file', async () => {
    expect(await files.get('/../outside.txt', { acceptEncoding: 'br' })).toBeNull();
    expect(await files.get('/assets/missing-B8V6dY74.js', { acceptEncoding: 'br' })).toBeNull();
  });
});
