/**
 * The confirmation SMS text, in the language the admin works in (the wizard sends it along), addressing
 * the admin as the app does (je, docs/GLOSSARY.md). Plain GSM-7 so it fits one part.
 */
export type MessageLanguage = 'nl' | 'en';

export function confirmationMessage(language: MessageLanguage, participantNumber: string, code: string, minutes: number): string {
  return language === 'nl'
    ? `Je bevestigingscode voor de SMS-provider van deelnemer ${participantNumber} is ${code}. Deze code is ${minutes} minuten geldig.`
    : `Your confirmation code for the SMS provider of participant ${participantNumber} is ${code}. Valid for ${minutes} minutes.`;
}

/** Resolves a language preference (`system`, `nl`, `en`) and the system locale to a message language. */
export function messageLanguage(preference: string, systemLocale: string): MessageLanguage {
  if (preference === 'nl' || preference === 'en') return preference;
  return systemLocale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
