import type { AnyMethod, BridgeFunction, HandlerFunction } from './define';
import { platformContract } from './platform';
import { profilesContract } from './profiles';
import { testSendContract } from './test-send';
import { sendLogContract } from './send-log';
import { reviewContract } from './review';

/**
 * The single source of truth for the bridge between renderer and main (docs/ARCHITECTURE.md).
 * Each feature owns one file; this table joins them.
 */
export const contract = {
  ...platformContract,
  ...profilesContract,
  ...testSendContract,
  ...sendLogContract,
  ...reviewContract,
} satisfies Record<string, AnyMethod>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

export const methodNames = Object.keys(contract) as MethodName[];

/** The IPC channel of a method; one channel per method, all under one prefix. */
export function channelFor(method: MethodName): string {
  return `sms:${method}`;
}

/** `window.smsAdmin` as the renderer sees it. */
export type SmsAdminBridge = { [M in MethodName]: BridgeFunction<Contract[M]> };

/** What main implements for each method. */
export type HandlerTable = { [M in MethodName]: HandlerFunction<Contract[M]> };

export * from './define';
export * from './platform';
export * from './profiles';
export * from './test-send';
export * from './send-log';
export * from './review';
