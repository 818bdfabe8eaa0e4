/**
 * Recognises the columns of a user list by their header, in Dutch and English, as exports from AFAS
 * Profit, Excel and directory tools name them. The admin can change the result; this is only the guess.
 */
import type { UserListField, UserListMapping } from '../review-types';

/** Header names per field, compared after {@link normaliseHeader}; exact matches first, then by word. */
const EXACT: Record<UserListField, readonly string[]> = {
  email: ['email', 'emailadres', 'emailaddress', 'mail', 'mailadres', 'emailwerk', 'emailzakelijk', 'workemail', 'upn', 'userprincipalname'],
  participantNumber: [
    'deelnemernummer',
    'deelnemersnummer',
    'deelnemer',
    'deelnemernr',
    'participantnumber',
    'participant',
    'participantno',
    'participantnr',
    'participantid',
  ],
  mobile: ['mobiel', 'mobile', 'mobielnummer', 'mobielnr', 'mobilenumber', 'mobilephone', 'telefoonmobiel', 'mobieltelefoonnummer', 'gsm', 'cellphone', 'telefoon', 'telefoonnummer', 'telefoonnr', 'phone', 'phonenumber', 'tel'],
  name: ['naam', 'name', 'volledigenaam', 'fullname', 'weergavenaam', 'displayname', 'gebruikersnaam', 'username', 'medewerker', 'employee'],
};

/** Words that point to a field when a header is longer ("E-mail adres werk", "Telefoon mobiel"). */
const WORDS: Record<UserListField, readonly string[]> = {
  email: ['mail'],
  participantNumber: ['deelnemer', 'participant'],
  mobile: ['mobiel', 'mobile', 'gsm', 'telefoon', 'phone'],
  name: ['naam', 'name'],
};

/** Lower case, accents and everything but letters and digits removed: "E-mail adres" → "emailadres". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FIELDS: readonly UserListField[] = ['email', 'participantNumber', 'mobile', 'name'];

/** The column index per field, each column used at most once; null when no header fits. */
export function guessMapping(headers: readonly string[]): UserListMapping {
  const mapping: UserListMapping = { email: null, participantNumber: null, mobile: null, name: null };
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const assign = (field: UserListField, match: (header: string) => boolean) => {
    if (mapping[field] !== null) return;
    const index = normalised.findIndex((h, i) => !taken.has(i) && h !== '' && match(h));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  };
  // Exact names in the order of each list (a "Mobiel" column beats a "Telefoon" column), then words.
  for (const field of FIELDS) for (const name of EXACT[field]) assign(field, (h) => h === name);
  for (const field of FIELDS) for (const word of WORDS[field]) assign(field, (h) => h.includes(word));
  return mapping;
}

/** A mapping the admin sent: every column exists and none is used twice; else the field at fault. */
export function mappingProblem(mapping: UserListMapping, columnCount: number): UserListField | null {
  const seen = new Set<number>();
  for (const field of FIELDS) {
    const column = mapping[field];
    if (column === null) continue;
    if (column >= columnCount || seen.has(column)) return field;
    seen.add(column);
  }
  return null;
}
