import { describe, expect, it } from 'vitest';
import { en, nl, NAMESPACES } from '../../../../src/renderer/src/i18n/resources';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `namespace:dotted.key` → text. */
function flatten(tree: Tree, prefix: string, into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${prefix.endsWith(':') ? '' : '.'}${key}`;
    if (typeof value === 'string') into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

function catalogue(resources: Record<string, unknown>): Map<string, string> {
  const all = new Map<string, string>();
  for (const ns of NAMESPACES) flatten(resources[ns] as Tree, `${ns}:`, all);
  return all;
}

/** The `{{name}}` interpolations of a text, sorted and without duplicates. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!))].sort();
}

/** Dutch and English have two plural categories; i18next picks `key_one` or `key_other` by `count`. */
const PLURAL = /_(one|other)$/;

/** A plural family (`x_one` + `x_other`) is compared as one entry, so a `_one` may leave out the number. */
function byFamily(texts: Map<string, string>): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const [key, text] of texts) {
    const family = key.replace(PLURAL, '');
    families.set(family, [...(families.get(family) ?? []), ...placeholders(text)]);
  }
  for (const [family, names] of families) families.set(family, [...new Set(names)].sort());
  return families;
}

const english = catalogue(en);
const dutch = catalogue(nl);

describe('the English and Dutch catalogues', () => {
  it('have the same keys', () => {
    const onlyEnglish = [...english.keys()].filter((key) => !dutch.has(key));
    const onlyDutch = [...dutch.keys()].filter((key) => !english.has(key));
    expect({ onlyEnglish, onlyDutch }).toEqual({ onlyEnglish: [], onlyDutch: [] });
  });

  it('use the same {{placeholders}} in every key (per plural family)', () => {
    const englishFamilies = byFamily(english);
    const dutchFamilies = byFamily(dutch);
    const differing = [...englishFamilies.entries()]
      .filter(([key, names]) => names.join() !== (dutchFamilies.get(key) ?? []).join())
      .map(([key, names]) => `${key}: en {${names.join(', ')}} nl {${(dutchFamilies.get(key) ?? []).join(', ')}}`);
    expect(differing).toEqual([]);
  });

  it('write every plural as a complete _one/_other pair that interpolates {{count}}', () => {
    // Dutch and English share the plural categories one and other; a lone _one or _other is a mistake.
    const problems: string[] = [];
    for (const [name, texts] of [
      ['en', english],
      ['nl', dutch],
    ] as const) {
      const families = new Set([...texts.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
      for (const family of families) {
        for (const form of ['one', 'other']) {
          const text = texts.get(`${family}_${form}`);
          if (text === undefined) problems.push(`${name} ${family}_${form} is missing`);
          // A plural must use the number it is chosen by, either as {{count}} or a pre-formatted {{formatted}}.
          else if (form === 'other' && !/\{\{(count|formatted)\}\}/.test(text)) problems.push(`${name} ${family}_other does not show the number`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never say "1 <plural>" in a text that is not a plural family', () => {
    // "Nog {{attemptsLeft}} pogingen" reads "Nog 1 pogingen": a count in a plain key needs _one/_other.
    // "{{count}} of {{cap}}" is a fraction, not a counted noun.
    const countedNoun = /\{\{(count|attemptsLeft|waitSeconds)\}\} (?!of |van )\p{L}/u;
    const plain = [...english.keys()].filter((key) => !PLURAL.test(key));
    const offenders = plain.filter((key) => countedNoun.test(english.get(key) ?? '') || countedNoun.test(dutch.get(key) ?? ''));
    expect(offenders).toEqual([]);
  });

  it('keep English words out of the Dutch texts where the glossary has a Dutch one', () => {
    // docs/GLOSSARY.md: the Dutch screens say these in Dutch.
    // The form of address is je/jouw (as AFAS's help pages), never u/uw.
    const banned = /(?<![\p{L}'])(please|the|and|you|your|u|uw|installatie|sms'jes|SMS'en|logboek|verzendlogboek|tegoed|bezorgd|restricted|authenticator)(?![\p{L}'])/iu;
    const offenders = [...dutch.entries()].filter(([, text]) => banned.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(offenders).toEqual([]);
  });
});
