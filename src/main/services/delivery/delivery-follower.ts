/**
 * The one delivery poller of the app, built once by createServices and shared by every feature that
 * sends: test send follows its test codes with it, the setup wizard its confirmation SMS. After a
 * restart it picks up every unfinished row in the send log, whichever feature sent it.
 */
import type { SendLogRow } from '@shared/send-log-types';
import type { Clock, GatewayFactory } from '../ports';
import { gatewayForPoll, recordPoll, resumableTargets, type DeliveryKeySource, type DeliveryLog } from './delivery-follow-up';
import { DeliveryPoller, type PollPolicy } from './delivery-poller';
import { systemTimers, type Timers } from './timers';

export interface DeliveryFollowerDeps {
  sendLog: DeliveryLog & { unfinished(limit?: number): SendLogRow[] };
  gatewayFor: GatewayFactory;
  /** Says which key reads a sent message back (the key its send used). */
  profiles: DeliveryKeySource;
  clock: Clock;
  timers?: Timers;
  pollPolicy?: Partial<PollPolicy>;
  log?: (message: string, error?: unknown) => void;
}

export function createDeliveryFollower(deps: DeliveryFollowerDeps): DeliveryPoller {
  return new DeliveryPoller({
    clock: deps.clock,
    timers: deps.timers ?? systemTimers,
    gatewayFor: (target) => gatewayForPoll(deps, target),
    record: (target, outcome) => recordPoll(deps.sendLog, target, outcome),
    ...(deps.pollPolicy ? { policy: deps.pollPolicy } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  });
}

/** Follows again every accepted message whose delivery is not final yet; returns how many. */
export function resumeDelivery(poller: DeliveryPoller, deps: Pick<DeliveryFollowerDeps, 'sendLog' | 'clock'>): number {
  const targets = resumableTargets(deps.sendLog.unfinished(), deps.clock.now());
  for (const target of targets) poller.track(target);
  return targets.length;
}
