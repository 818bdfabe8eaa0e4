/**
 * Results, not thrown errors, cross the IPC boundary (docs/ARCHITECTURE.md, Signal's wrapResult).
 * `message` is English developer text for logs; the renderer shows `errors.<code>` through i18n,
 * interpolating `details`. Neither ever contains a secret.
 */
export interface AppError<C extends string = string> {
  code: C;
  message: string;
  /** Name of the input field the error is about, so the UI can focus it. */
  field?: string;
  details?: Record<string, string | number>;
}

export type Result<T, C extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: AppError<C> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<C extends string>(
  code: C,
  message: string,
  extra: Omit<AppError<C>, 'code' | 'message'> = {},
): { ok: false; error: AppError<C> } {
  return { ok: false, error: { code, message, ...extra } };
}
