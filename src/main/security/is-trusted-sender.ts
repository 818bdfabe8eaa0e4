import { originOf } from './app-origin';

/** What the check reads of Electron's `WebFrameMain`; structural so tests and the host need no electron. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True only for the app's own top-level frame: a null or destroyed frame, a sub-frame, or a page from
 * any other origin is refused, so a foreign page that ends up in a window cannot use the bridge.
 * @see docs/SECURITY.md (Electron checklist: validate the sender frame of every IPC call)
 */
export function isTrustedSender(frame: unknown, trustedOrigins: readonly string[]): boolean {
  if (frame === null || typeof frame !== 'object') return false;
  try {
    const { url, parent } = frame as FrameLike;
    if (parent !== null) return false;
    if (typeof url !== 'string') return false;
    const origin = originOf(url);
    return origin !== null && trustedOrigins.includes(origin);
  } catch {
    // A destroyed frame throws on access; it is not a trusted sender.
    return false;
  }
}

/** `isTrustedSender` bound to the origins this run trusts, in the shape `registerIpc` takes. */
export function trustedSenderCheck(trustedOrigins: readonly string[]): (frame: unknown) => boolean {
  return (frame) => isTrustedSender(frame, trustedOrigins);
}
