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
