import { DEFAULT_TEMPLATE } from '@shared/contract/test-send';

/**
 * The built-in test message per screen language. The stored default (`DEFAULT_TEMPLATE`) is the Dutch
 * one; as long as the admin has not saved a text of their own, the page offers the one of the language
 * they work in, so an English screen never starts with a Dutch message.
 */
const DEFAULT_TEMPLATES = { nl: DEFAULT_TEMPLATE, en: 'Test code: {code}' } as const;

export function defaultTemplate(language: string): string {
  return language.startsWith('nl') ? DEFAULT_TEMPLATES.nl : DEFAULT_TEMPLATES.en;
}

/** True for any language's built-in text: not a text the admin chose. */
export function isDefaultTemplate(template: string): boolean {
  return Object.values(DEFAULT_TEMPLATES).includes(template as never);
}

/** The text to start from: the admin's saved text, else the built-in one of the screen language. */
export function startingTemplate(saved: string | undefined, language: string): string {
  return saved === undefined || isDefaultTemplate(saved) ? defaultTemplate(language) : saved;
}
