import { describe, expect, it } from 'vitest';
import { guessMapping, mappingProblem, normaliseHeader } from '@shared/rules/user-list-columns';

describe('user list columns', () => {
  it('recognises Dutch headers', () => {
    expect(guessMapping(['E-mailadres', 'Deelnemernummer', 'Mobiel', 'Naam'])).toEqual({ email: 0, participantNumber: 1, mobile: 2, name: 3 });
  });

  it('recognises English headers in any order and case', () => {
    expect(guessMapping(['Name', 'MOBILE', 'Participant number', 'Email'])).toEqual({ email: 3, participantNumber: 2, mobile: 1, name: 0 });
  });

  it('prefers a mobile column over a general phone column, and takes words inside longer headers', () => {
    expect(guessMapping(['Telefoon', 'E-mail adres werk', 'Telefoon mobiel', 'Deelnemer (AFAS)'])).toEqual({ email: 1, participantNumber: 3, mobile: 2, name: null });
    expect(guessMapping(['Telefoonnummer', 'e-mail'])).toMatchObject({ mobile: 0, email: 1 });
  });

  it('leaves a field unmapped rather than guess from an unrelated header, and uses each column once', () => {
    expect(guessMapping(['Afdeling', 'Functie'])).toEqual({ email: null, participantNumber: null, mobile: null, name: null });
    expect(guessMapping(['mail', 'mail'])).toMatchObject({ email: 0 });
  });

  it('normalises accents, case and punctuation', () => {
    expect(normaliseHeader(' E-Mail Adrés ')).toBe('emailadres');
  });

  it('names the field of a mapping that points past the columns or uses a column twice', () => {
    expect(mappingProblem({ email: 0, participantNumber: 1, mobile: null, name: null }, 2)).toBeNull();
    expect(mappingProblem({ email: 0, participantNumber: 5, mobile: null, name: null }, 2)).toBe('participantNumber');
    expect(mappingProblem({ email: 0, participantNumber: 1, mobile: 1, name: null }, 3)).toBe('mobile');
  });
});
