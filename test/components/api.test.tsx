import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, createHttpBridge, toAppError, unwrap, ApiFailure } from '../../src/renderer/src/api';
import { fakeBridge } from './helpers';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('HTTP bridge (browser host)', () => {
  it('posts {input} as JSON to /api/<method>, same-origin, and returns the Result body', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: { keyKind: 'live', balance: { amount: 5, type: 'euros', payment: 'prepaid' } } }));
    const bridge = createHttpBridge(fetchMock);
    const result = await bridge.checkApiKey({ apiKey: 'abc' });
    expect(result).toEqual({ ok: true, value: { keyKind: 'live', balance: { amount: 5, type: 'euros', payment: 'prepaid' } } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/checkApiKey');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ input: { apiKey: 'abc' } });
  });

  it('sends an empty body object for methods without input', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: {} }));
    await createHttpBridge(fetchMock).getSettings();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({});
  });

  it('passes an error Result through with its code, field and details', async () => {
    const body = { ok: false, error: { code: 'key_rejected', message: 'Request not allowed', details: { providerCode: 2 } } };
    const result = await createHttpBridge(async () => jsonResponse(body)).checkApiKey({ apiKey: 'abc' });
    expect(result).toEqual(body);
  });

  it.each([401, 403])('maps HTTP %i to forbidden_sender', async (status) => {
    const result = await createHttpBridge(async () => new Response('no', { status })).getAppInfo();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('forbidden_sender');
  });

  it.each([400, 404, 500, 502])('maps HTTP %i to internal', async (status) => {
    const result = await createHttpBridge(async () => jsonResponse({ ok: true, value: 1 }, status)).getAppInfo();
    expect(!result.ok && result.error.code).toBe('internal');
    expect(!result.ok && result.error.message).toContain(String(status));
  });

  it('maps a network failure to internal instead of throwing', async () => {
    const result = await createHttpBridge(async () => {
      throw new TypeError('Failed to fetch');
    }).getAppInfo();
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Network error: Failed to fetch' } });
  });

  it('maps a non-JSON or non-Result body to internal', async () => {
    const notJson = await createHttpBridge(async () => new Response('<html>', { status: 200 })).getAppInfo();
    expect(!notJson.ok && notJson.error.code).toBe('internal');
    const notResult = await createHttpBridge(async () => jsonResponse({ hello: 'world' })).getAppInfo();
    expect(!notResult.ok && notResult.error.code).toBe('internal');
  });
});

describe('api', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses window.smsAdmin when the preload provided it', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    window.smsAdmin = fakeBridge();
    const result = await api.getSettings();
    expect(result.ok).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('falls back to HTTP when window.smsAdmin is absent', async () => {
    const fetchMock = vi.fn(async () => jsonResponse({ ok: true, value: { language: 'nl' } }));
    vi.stubGlobal('fetch', fetchMock);
    const result = await api.getSettings();
    expect(result).toEqual({ ok: true, value: { language: 'nl' } });
    expect(fetchMock).toHaveBeenCalledWith('/api/getSettings', expect.objectContaining({ method: 'POST' }));
  });

  it('unwrap returns the value or throws ApiFailure carrying the error', () => {
    expect(unwrap({ ok: true, value: 3 })).toBe(3);
    const error = { code: 'timeout', message: 'slow' };
    expect(() => unwrap({ ok: false, error })).toThrow(ApiFailure);
    try {
      unwrap({ ok: false, error });
    } catch (caught) {
      expect(toAppError(caught)).toEqual(error);
    }
    expect(toAppError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
  });
});
