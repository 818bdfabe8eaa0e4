import { describe, expect, it } from 'vitest';
import { confirmationMessage, messageLanguage } from '../../../../../src/main/services/profiles/confirmation-message';

describe('confirmation message', () => {
  it('is Dutch or English with the participant number and the code, and fits one SMS part', () => {
    const nl = confirmationMessage('nl', '12345', '000123', 5);
    expect(nl).toBe('Je bevestigingscode voor de SMS-provider van deelnemer 12345 is 000123. Deze code is 5 minuten geldig.');
    const en = confirmationMessage('en', '12345', '000123', 5);
    expect(en).toContain('participant 12345 is 000123');
    for (const text of [nl, en]) expect(text.length).toBeLessThanOrEqual(160);
  });

  it('follows the language preference, else the system locale', () => {
    expect(messageLanguage('nl', 'en-US')).toBe('nl');
    expect(messageLanguage('en', 'nl-NL')).toBe('en');
    expect(messageLanguage('system', 'nl-BE')).toBe('nl');
    expect(messageLanguage('system', 'fr-FR')).toBe('en');
  });
});
