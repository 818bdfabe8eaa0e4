import { z } from 'zod';

/**
 * MessageBird access keys are short base62-like tokens; test keys start with `test_`.
 * docs/MESSAGEBIRD.md: do not validate the length strictly, only the shape, and cap the size.
 */
export const apiKeySchema = z
  .string()
  .trim()
  .min(1, 'empty')
  .max(128, 'too_long')
  .regex(/^[A-Za-z0-9_-]+$/, 'bad_characters');

export type ApiKeyKind = 'live' | 'test';

export function apiKeyKind(key: string): ApiKeyKind {
  return key.startsWith('test_') ? 'test' : 'live';
}
