import type { z } from 'zod';
import type { Result } from '../result';

/** Codes every method can return on top of its own. */
export const COMMON_ERROR_CODES = ['invalid_input', 'forbidden_sender', 'internal'] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

declare const outputBrand: unique symbol;
/** Phantom carrier of a method's output type; it has no runtime content. */
export interface Returns<T> {
  readonly [outputBrand]?: T;
}
export function returns<T>(): Returns<T> {
  return {};
}

export interface MethodDef<I extends z.ZodType, O, E extends string> {
  input: I;
  output: Returns<O>;
  errors: readonly E[];
}

export function defineMethod<I extends z.ZodType, O, const E extends string = never>(def: {
  input: I;
  output: Returns<O>;
  errors?: readonly E[];
}): MethodDef<I, O, E> {
  return { input: def.input, output: def.output, errors: def.errors ?? [] };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the variance of a generic table needs `any` here
export type AnyMethod = MethodDef<z.ZodType, any, string>;

export type InputOf<M extends AnyMethod> = z.input<M['input']>;
export type ParsedInputOf<M extends AnyMethod> = z.output<M['input']>;
export type OutputOf<M extends AnyMethod> = M['output'] extends Returns<infer O> ? O : never;
export type ErrorCodeOf<M extends AnyMethod> = (M['errors'] extends readonly (infer E extends string)[] ? E : never) | CommonErrorCode;
export type ResultOf<M extends AnyMethod> = Result<OutputOf<M>, ErrorCodeOf<M>>;

/** What the renderer calls: one function per method; methods without input take no argument. */
export type BridgeFunction<M extends AnyMethod> = undefined extends InputOf<M>
  ? (input?: InputOf<M>) => Promise<ResultOf<M>>
  : (input: InputOf<M>) => Promise<ResultOf<M>>;

/** What main implements: input already parsed by the contract's schema. */
export type HandlerFunction<M extends AnyMethod> = (
  input: ParsedInputOf<M>,
) => Promise<ResultOf<M>>;
