import { describe, expect, it } from 'vitest';
import { AFAS_QUOTED_NL_PRICE, estimate, pricePerPart, roundMoney } from '../../../../src/shared/rules/cost';

describe('cost estimate', () => {
  it('uses the AFAS quote of € 0.056 per part for the Netherlands', () => {
    expect(AFAS_QUOTED_NL_PRICE).toBe(0.056);
    expect(estimate(1, 'NL')).toEqual({
      amount: 0.056,
      currency: 'EUR',
      perPart: 0.056,
      parts: 1,
      country: 'NL',
      basis: 'quoted',
      estimate: true,
    });
  });

  it('multiplies by the part count without floating-point noise', () => {
    expect(estimate(3, 'NL').amount).toBe(0.168);
    expect(estimate(7, 'nl').amount).toBe(0.392);
    expect(estimate(0, 'NL').amount).toBe(0);
  });

  it('prefers a configured price per country', () => {
    expect(estimate(2, 'BE', { BE: 0.0723 })).toMatchObject({ amount: 0.1446, perPart: 0.0723, basis: 'configured' });
    expect(pricePerPart('nl', { NL: 0.05 })).toEqual({ perPart: 0.05, basis: 'configured' });
  });

  it('assumes the NL price for a country without a known price, and says so', () => {
    expect(estimate(2, 'BE')).toMatchObject({ amount: 0.112, basis: 'assumed', country: 'BE' });
  });

  it('refuses a negative or fractional part count', () => {
    expect(() => estimate(-1, 'NL')).toThrow(RangeError);
    expect(() => estimate(1.5, 'NL')).toThrow(RangeError);
  });

  it('rounds to four decimals', () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(0.00005)).toBe(0.0001);
  });
});
