/**
 * Where the UI lives: a privileged custom scheme serving only the packaged renderer files, never a
 * remote origin. Plain constants (no electron) so tests and the trusted-sender check share them.
 * @see docs/SECURITY.md (serve the UI from a custom protocol, never a remote origin)
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
/** `protocol//host` of the UI; computed by hand because Node's URL gives `null` origins for custom schemes. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads in production. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** `scheme://host[:port]` of a URL, or null when it does not parse; works for custom schemes too. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}
