import { beforeAll, describe, expect, it } from 'vitest';
import { deadlineError, fromSdkError } from '../../../../src/main/services/gateway/gateway-errors';
import { initI18n, i18n } from '../../../../src/renderer/src/i18n';
import { statusReasonText } from '../../../../src/renderer/src/i18n/status-reason';

const ctx = { apiKey: 'LiveKey0123456789abcdef', isSend: true };
/** The exact notes main writes into a log row, made by main's own code where it has a function for them. */
const timeoutNote = `${deadlineError(15_000, ctx).description}. It may have been sent; it is not retried automatically.`;
const interruptedNote = fromSdkError({ message: 'request closed' }, ctx).description;
const unreachableNote = fromSdkError({ error: { code: 'ECONNREFUSED' } }, ctx).description;

beforeAll(() => {
  initI18n('nl');
});

describe('status reasons in the screen language', () => {
  it('says the app\'s own notes again in Dutch, with no English left', async () => {
    await i18n.changeLanguage('nl');
    expect(statusReasonText(timeoutNote)).toEqual({
      text: 'MessageBird antwoordde niet binnen 15 seconden. Het bericht is misschien toch verstuurd; de app verstuurt het niet vanzelf opnieuw.',
    });
    expect(statusReasonText(`timeout: ${deadlineError(15_000, ctx).description}`).text).toBe('MessageBird antwoordde niet binnen 15 seconden.');
    expect(statusReasonText(interruptedNote).text).toMatch(/^De verbinding met MessageBird werd verbroken/);
    expect(statusReasonText(unreachableNote).text).toMatch(/niets verstuurd/);
    expect(statusReasonText('The app stopped before the send finished; it may have been sent.').text).toMatch(/^De app stopte/);
    for (const note of [timeoutNote, interruptedNote, unreachableNote]) expect(statusReasonText(note).quote).toBeUndefined();
  });

  it('keeps MessageBird\'s own words as a quote under a Dutch sentence', async () => {
    await i18n.changeLanguage('nl');
    expect(statusReasonText('unknown subscriber')).toEqual({ text: 'MessageBird meldt:', quote: 'unknown subscriber' });
    await i18n.changeLanguage('en');
    expect(statusReasonText('unknown subscriber')).toEqual({ text: 'MessageBird reports:', quote: 'unknown subscriber' });
    expect(statusReasonText(timeoutNote).text).toBe(
      'MessageBird did not answer within 15 seconds. The message may have been sent all the same; the app does not send it again by itself.',
    );
  });
});
