/**
 * The renderer's Content-Security-Policy: nothing by default, then only the app's own scripts, styles,
 * images and API calls. No `unsafe-eval`, no `unsafe-inline`, no remote origin.
 * One constant for the `app://` protocol header, the renderer's `<meta>` tag and the browser host.
 * @see docs/SECURITY.md (Electron checklist: strict CSP)
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/** The policy as one header value, e.g. for `Content-Security-Policy:`. */
export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag, which must leave out `frame-ancestors`
 * (browsers ignore it there and warn); the header still carries it.
 */
export const CONTENT_SECURITY_POLICY_META: string = Object.entries(CSP_DIRECTIVES)
  .filter(([name]) => name !== 'frame-ancestors')
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
