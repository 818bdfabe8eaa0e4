import type { z } from 'zod';
import { contract, type HandlerTable, type MethodName } from '@shared/contract';
import { err, type Result } from '@shared/result';

/** Turns a zod failure into one error naming the first bad field, without echoing the value. */
export function describeInvalidInput(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Invalid input' };
  const field = issue.path.map(String).join('.');
  return field
    ? { message: `Invalid input at "${field}": ${issue.message}`, field }
    : { message: `Invalid input: ${issue.message}` };
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export type Logger = (message: string, error?: unknown) => void;

/**
 * The one path every call takes, in Electron and in the browser host: look up the method, parse the
 * `unknown` input with the contract's schema, run the handler, and turn a throw into `internal`
 * (its stack stays in main's log; the renderer gets a code).
 */
export async function dispatch(
  table: HandlerTable,
  method: string,
  rawInput: unknown,
  log: Logger = (m, e) => console.error(m, e),
): Promise<Result<unknown, string>> {
  if (!isMethodName(method)) return err('invalid_input', 'Unknown method');
  const parsed = contract[method].input.safeParse(rawInput);
  if (!parsed.success) {
    const { message, field } = describeInvalidInput(parsed.error);
    return err('invalid_input', message, field ? { field } : {});
  }
  try {
    const handler = table[method] as (input: unknown) => Promise<Result<unknown, string>>;
    return await handler(parsed.data);
  } catch (error) {
    log(`Handler ${method} failed`, error);
    return err('internal', 'Unexpected error; see the application log');
  }
}
