import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/result';
import { i18n as appI18n } from './index';
import type { Namespace } from './resources';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

export interface ErrorTextOptions {
  /** A feature namespace whose `errors.<code>` keys override the shared `errors:<code>` text. */
  ns?: Namespace;
}

/**
 * The number an error text is counted by ("1 attempt left", "2 attempts left"): texts with a number are
 * `_one`/`_other` plural keys chosen by `count`, and main names that number by what it counts.
 */
const COUNTED_DETAILS = ['count', 'attemptsLeft', 'waitSeconds'] as const;

function pluralCount(details: AppError['details']): { count?: number } {
  const count = COUNTED_DETAILS.map((name) => details?.[name]).find((value): value is number => typeof value === 'number');
  return count === undefined ? {} : { count };
}

/**
 * The user's words for an error from main: the feature's own `errors.<code>` if it has one, else
 * `errors:<code>`, else a generic text naming the code. `details` are interpolated; a MessageBird
 * error code is appended so support can look it up. Never shows `message` (developer English).
 * A failed send whose `details.sendOutcome` is `maybe_sent` always gets the "may have been sent: check
 * the phone" text instead, so no screen invites a second send.
 */
export function errorText(error: Pick<AppError, 'code' | 'details'>, options: ErrorTextOptions = {}, i18n = appI18n): string {
  const t = i18n.t.bind(i18n) as unknown as LooseT;
  const values = { ...error.details, code: error.code, ...pluralCount(error.details) };
  const candidates = [options.ns ? `${options.ns}:errors.${error.code}` : undefined, `errors:${error.code}`];
  const key = candidates.find((k): k is string => k !== undefined && i18n.exists(k, values));
  const outcome = error.details?.sendOutcome;
  // A send that may have gone out: whatever went wrong, the one thing to say is "check the phone first"
  // (docs/SECURITY.md "Reliability"); the cause comes first, in the user's words.
  const text =
    outcome === 'maybe_sent'
      ? t('errors:sendOutcome.maybe_sent', { cause: t(`errors:sendCause.${i18n.exists(`errors:sendCause.${error.code}`) ? error.code : 'other'}`) })
      : key
        ? t(key, values)
        : t('errors:unknown', { code: error.code });
  const providerCode = error.details?.providerCode;
  return providerCode === undefined ? text : `${text} ${t('errors:providerCode', { code: providerCode })}`;
}

/** `errorText` bound to the current language; re-renders the caller when the language changes. */
export function useErrorText(options: ErrorTextOptions = {}): (error: Pick<AppError, 'code' | 'details'>) => string {
  const { i18n } = useTranslation('errors');
  const ns = options.ns;
  // i18n.language is a dependency on purpose: a new function per language makes memoised callers update.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((error) => errorText(error, { ns }, i18n), [i18n, i18n.language, ns]);
}
