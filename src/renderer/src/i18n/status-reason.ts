import type { i18n as I18n } from 'i18next';
import { i18n as appI18n } from './index';

/**
 * A send's status reason in the screen's language. The log keeps the reason as it arrived: either
 * MessageBird's own English text ("unknown subscriber", "Request not allowed (incorrect access_key)") or a
 * note the app wrote itself when a send went wrong on the way. The app's own notes are said again in the
 * screen's language; MessageBird's words are kept, as a quoted detail under a sentence in that language
 * (docs/GLOSSARY.md, "MessageBird's own texts"), so support can still search for them.
 */
export interface StatusReasonText {
  /** A sentence in the screen's language. */
  text: string;
  /** MessageBird's own words, verbatim (English); shown quoted with `lang="en"`. */
  quote?: string;
}

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The notes the app itself writes into a log row (main's gateway and send code), by meaning. */
const APP_NOTES: [RegExp, string][] = [
  [/^MessageBird did not answer within (?<seconds>\d+) s/, 'timeout'],
  [/^The connection (closed while MessageBird was answering|to MessageBird was interrupted)/, 'interrupted'],
  [/^(Cannot reach MessageBird|The secure connection to MessageBird failed|The connection to MessageBird closed before the request was sent)/, 'notReached'],
  [/^The certificate for rest\.messagebird\.com was not accepted/, 'certificate'],
  [/^(MessageBird answered with something other than JSON|HTTP \d{3}: )/, 'unreadable'],
  [/^The send failed unexpectedly/, 'unexpected'],
  [/^The app stopped before the send finished/, 'appStopped'],
  [/^MessageBird error code (?<code>\d+)$/, 'providerCode'],
];

/** The app's own words about a send that may have gone out after all. */
const MAY_HAVE_BEEN_SENT = /[.;]\s*[Ii]t may have been sent[\s\S]*$/;
/** Confirmation sends note `<gateway code>: <description>`. */
const CODE_PREFIX = /^(timeout|network|certificate|bad_response|provider_unavailable|rate_limited|invalid_request|key_rejected|insufficient_balance): /;

export function statusReasonText(reason: string, i18n: I18n = appI18n): StatusReasonText {
  const t = i18n.t.bind(i18n) as unknown as LooseT;
  const mayHaveBeenSent = MAY_HAVE_BEEN_SENT.test(reason);
  const core = reason.replace(MAY_HAVE_BEEN_SENT, '').replace(CODE_PREFIX, '').trim();
  for (const [pattern, key] of APP_NOTES) {
    const match = pattern.exec(core);
    if (!match) continue;
    const sentence = t(`errors:statusReason.${key}`, { ...match.groups });
    return { text: mayHaveBeenSent ? `${sentence} ${t('errors:statusReason.mayHaveBeenSent')}` : sentence };
  }
  return { text: t('errors:statusReason.fromMessageBird'), quote: reason };
}
