/**
 * The app's own cost estimate, shown before a send (docs/MESSAGEBIRD.md: "show the own estimate before
 * sending"; real prices come from the organisation's MessageBird contract). Always labelled an
 * estimate: the price MessageBird reports after the send replaces it in the log.
 */

export const COST_CURRENCY = 'EUR';

/**
 * € 0.056 per part for the Netherlands: the price AFAS quoted (price level September 2021).
 * @see docs/MESSAGEBIRD.md "Length and cost"
 */
export const AFAS_QUOTED_NL_PRICE = 0.056;
export const AFAS_QUOTED_PRICE_DATE = '2021-09';

/** Prices per part in euro by ISO 3166 alpha-2 country; only the quoted one is built in. */
export const DEFAULT_PRICES_PER_PART: Readonly<Record<string, number>> = { NL: AFAS_QUOTED_NL_PRICE };

/** Upper bound the settings accept for one part, so a typo (56 instead of 0.056) is refused. */
export const MAX_PRICE_PER_PART = 5;

/** Where a per-part price came from, so the UI can say how much to trust the estimate. */
export type PriceBasis =
  /** The admin entered this country's price in the settings. */
  | 'configured'
  /** The AFAS quote for NL (September 2021). */
  | 'quoted'
  /** No price known for the country: the NL price is assumed. */
  | 'assumed';

export interface CostEstimate {
  /** Total in euro, rounded to 4 decimals (prices are fractions of a cent). */
  amount: number;
  currency: typeof COST_CURRENCY;
  perPart: number;
  parts: number;
  country: string;
  basis: PriceBasis;
  /** Always true: this is the app's estimate, not MessageBird's price. */
  estimate: true;
}

/** The price of one part for a country: the admin's setting, else the built-in table, else the NL quote. */
export function pricePerPart(
  country: string,
  configured: Readonly<Record<string, number>> = {},
): { perPart: number; basis: PriceBasis } {
  const code = country.toUpperCase();
  const own = configured[code];
  if (own !== undefined) return { perPart: own, basis: 'configured' };
  const builtIn = DEFAULT_PRICES_PER_PART[code];
  if (builtIn !== undefined) return { perPart: builtIn, basis: 'quoted' };
  return { perPart: AFAS_QUOTED_NL_PRICE, basis: 'assumed' };
}

/** Estimated cost of sending `parts` SMS parts to a number in `country`. */
export function estimate(
  parts: number,
  country: string,
  configured: Readonly<Record<string, number>> = {},
): CostEstimate {
  if (!Number.isInteger(parts) || parts < 0) throw new RangeError(`parts must be a whole number ≥ 0, got ${parts}`);
  const { perPart, basis } = pricePerPart(country, configured);
  return {
    amount: roundMoney(perPart * parts),
    currency: COST_CURRENCY,
    perPart,
    parts,
    country: country.toUpperCase(),
    basis,
    estimate: true,
  };
}

/** Rounds to 4 decimals so 3 × 0.056 shows as 0.168, not 0.16800000000000001. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

// ---- Monthly estimate for SMS login ------------------------------------------------------------

/** Login SMS a user needs in a month when nothing else is known: a working day's login, roughly. */
export const DEFAULT_LOGINS_PER_USER_PER_MONTH = 20;

export interface MonthlyCostInput {
  eligibleUsers: number;
  loginsPerUserPerMonth: number;
  partsPerMessage: number;
  /** Euro per part. */
  pricePerPart: number;
}

export interface MonthlyCost {
  messagesPerMonth: number;
  partsPerMonth: number;
  /** Euro, rounded to 4 decimals. */
  monthly: number;
  yearly: number;
}

/**
 * Cost of login codes: users × logins × parts × price. An estimate for planning: AFAS sends a code
 * only when a login asks for one, and MessageBird's contract price replaces the quoted one.
 */
export function estimateMonthlyCost(input: MonthlyCostInput): MonthlyCost {
  for (const [name, value] of Object.entries(input)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number ≥ 0, got ${value}`);
  }
  if (!Number.isInteger(input.eligibleUsers)) throw new RangeError(`eligibleUsers must be a whole number, got ${input.eligibleUsers}`);
  if (!Number.isInteger(input.partsPerMessage) || input.partsPerMessage < 1) {
    throw new RangeError(`partsPerMessage must be a whole number ≥ 1, got ${input.partsPerMessage}`);
  }
  const messagesPerMonth = input.eligibleUsers * input.loginsPerUserPerMonth;
  const partsPerMonth = messagesPerMonth * input.partsPerMessage;
  const monthly = roundMoney(partsPerMonth * input.pricePerPart);
  return { messagesPerMonth, partsPerMonth, monthly, yearly: roundMoney(monthly * 12) };
}

/**
 * How many login SMS of `partsPerMessage` parts a MessageBird balance pays for. Only a balance in euro
 * counts (`type` `euros`); a balance in credits says nothing about money. Null when it cannot be told.
 */
export function smsCoveredByBalance(balance: { amount: number; type: string }, partsPerMessage: number, pricePerPart: number): number | null {
  if (balance.type !== 'euros' || pricePerPart <= 0 || partsPerMessage < 1 || !Number.isFinite(balance.amount)) return null;
  // A tiny epsilon: 0.56 / 0.056 is 9.999999999999998 in floating point, and 10 SMS are paid for.
  return Math.max(0, Math.floor(balance.amount / (pricePerPart * partsPerMessage) + 1e-9));
}

/**
 * Who pays which SMS, as AFAS describes it: the organisation's own SMS provider sends (and the
 * organisation pays) the login codes; AFAS sends and pays the SMS around an account's lifecycle.
 */
export const AFAS_COST_SPLIT = [
  { id: 'login_code', payer: 'organisation' },
  { id: 'new_user_sign_up', payer: 'afas' },
  { id: 'reset_pocket', payer: 'afas' },
  { id: 'reset_authenticator', payer: 'afas' },
  { id: 'new_phone', payer: 'afas' },
  { id: 'new_phone_number', payer: 'afas' },
] as const satisfies ReadonlyArray<{ id: string; payer: 'organisation' | 'afas' }>;
