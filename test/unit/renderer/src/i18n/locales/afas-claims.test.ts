// The app never talks to AFAS. A profile saved here is a verified MessageBird setup; AFAS login SMS change
// only when the admin enters the same details in the AFAS Online portal. This scans every text of both
// languages for sentences that say or imply otherwise, so such a claim cannot come back unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOCALES = fileURLToPath(new URL('../../../../../../src/renderer/src/i18n/locales', import.meta.url));

interface Text {
  where: string;
  text: string;
}

function flatten(value: unknown, where: string, out: Text[]): void {
  if (typeof value === 'string') out.push({ where, text: value });
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, `${where}.${k}`, out);
}

function catalogue(language: string): Text[] {
  const dir = join(LOCALES, language);
  const out: Text[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    flatten(JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown, `${language}/${file.replace(/\.json$/, '')}`, out);
  }
  return out;
}

// Phrases that present login SMS as running through MessageBird, or AFAS as changed, because of the app.
// Words in between are allowed (`go … through MessageBird`), sentence ends are not.
const CLAIMS: readonly RegExp[] = [
  // English: "… go/goes/run/are routed through|via MessageBird", "from now on … login/MessageBird".
  /\b(go|goes|going|run|runs|are routed|is routed|routed)\b[^.!?]{0,20}\b(through|via)\s+(the\s+)?MessageBird\b/i,
  /\bfrom now on\b[^.!?]*\b(login|log in|sign-?in|AFAS)\b/i,
  /\b(now|is|are)\s+(active|enabled|live|set up|configured|connected|saved|changed|updated)\s+(in|at|with)\s+AFAS\b/i,
  /\bAFAS\s+(now\s+)?(uses|sends|will use|will send)\b[^.!?]*\bMessageBird\b/i,
  /\b(the app|this app|we)\s+(has\s+|have\s+)?(changed|updated|configured|set up|connected|registered)\b[^.!?]*\bAFAS\b/i,
  // Dutch: "… gaan/gaat/lopen/loopt via MessageBird", "vanaf nu … inlog", "actief in AFAS".
  /\b(gaan|gaat|lopen|loopt|verlopen|verloopt)\b[^.!?]{0,40}\bvia\s+(de\s+)?MessageBird\b/i,
  /\bvia\s+(de\s+)?MessageBird\s+(gaan|gaat|lopen|loopt|verlopen|verloopt)\b/i,
  /\bvanaf nu\b[^.!?]*\b(inlog|AFAS)/i,
  /\b(nu|is|zijn)\s+(actief|ingeschakeld|ingericht|ingesteld|gekoppeld|opgeslagen|gewijzigd)\s+(in|bij)\s+AFAS\b/i,
  /\bAFAS\s+(gebruikt|verstuurt|stuurt)\s+(nu|vanaf nu)\b/i,
  /\b(de app|deze app)\s+(heeft\s+)?[^.!?]{0,30}\b(gewijzigd|aangepast|ingericht|ingesteld|gekoppeld)\b[^.!?]*\bAFAS\b/i,
];

function claimsIn(text: string): RegExp[] {
  return CLAIMS.filter((pattern) => pattern.test(text));
}

describe('no text says the app changed AFAS', () => {
  it('recognises the claims the app used to make, in both languages', () => {
    const old = [
      'From now on, login SMS for participant 12345 go through MessageBird with sender Acme.',
      "I understand that login SMS for this participant number go through MessageBird at my organisation's cost and risk.",
      "Vanaf nu gaan inlog-SMS'en voor deelnemer 12345 via MessageBird met afzender Acme.",
      "Ik begrijp dat inlog-SMS'en voor dit deelnemernummer via MessageBird gaan, op kosten en risico van mijn organisatie.",
      'The SMS provider is now active in AFAS.',
      'De SMS-provider is nu actief in AFAS.',
      'Login SMS now run via MessageBird.',
      'Het inloggen loopt nu via MessageBird.',
    ];
    for (const sentence of old) expect(claimsIn(sentence), sentence).not.toEqual([]);
  });

  it('lets the truthful sentences through', () => {
    const truth = [
      'AFAS login SMS change only when you enter the same details in the AFAS Online portal (Beheer → SMS-provider → Nieuw).',
      'Inloggen via sms verandert pas als je dezelfde gegevens in de AFAS Online portal invult.',
      'From now on, codes and test messages are sent as real SMS through MessageBird, at your organisation\'s cost.',
    ];
    for (const sentence of truth) expect(claimsIn(sentence), sentence).toEqual([]);
  });

  it.each(['en', 'nl'])('finds no such claim in the %s catalogue', (language) => {
    const texts = catalogue(language);
    expect(texts.length).toBeGreaterThan(100);
    const found = texts.filter((t) => claimsIn(t.text).length > 0).map((t) => `${t.where}: ${t.text}`);
    expect(found).toEqual([]);
  });

  it.each(['en', 'nl'])('the Save step in %s names the AFAS portal path the admin still has to follow', (language) => {
    const texts = catalogue(language);
    const intro = texts.find((t) => t.where === `${language}/setup.acknowledge.intro`);
    expect(intro?.text).toContain('AFAS Online portal');
    expect(intro?.text).toContain('Beheer → SMS-provider → Nieuw');
  });
});
