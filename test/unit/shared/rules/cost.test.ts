import { describe, expect, it } from 'vitest';
import { AFAS_COST_SPLIT, AFAS_QUOTED_NL_PRICE, estimate, estimateMonthlyCost, pricePerPart, roundMoney, smsCoveredByBalance } from '@shared/rules/cost';

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

describe('monthly cost of login codes', () => {
  it('multiplies users, logins, parts and price, and a year is twelve months', () => {
    expect(estimateMonthlyCost({ eligibleUsers: 250, loginsPerUserPerMonth: 20, partsPerMessage: 1, pricePerPart: AFAS_QUOTED_NL_PRICE })).toEqual({
      messagesPerMonth: 5000,
      partsPerMonth: 5000,
      monthly: 280,
      yearly: 3360,
    });
    expect(estimateMonthlyCost({ eligibleUsers: 3, loginsPerUserPerMonth: 1.5, partsPerMessage: 2, pricePerPart: 0.056 }).monthly).toBe(0.504);
    expect(estimateMonthlyCost({ eligibleUsers: 0, loginsPerUserPerMonth: 20, partsPerMessage: 1, pricePerPart: 0.056 }).monthly).toBe(0);
  });

  it('refuses inputs that make no sense', () => {
    expect(() => estimateMonthlyCost({ eligibleUsers: -1, loginsPerUserPerMonth: 1, partsPerMessage: 1, pricePerPart: 0.056 })).toThrow(RangeError);
    expect(() => estimateMonthlyCost({ eligibleUsers: 1.5, loginsPerUserPerMonth: 1, partsPerMessage: 1, pricePerPart: 0.056 })).toThrow(RangeError);
    expect(() => estimateMonthlyCost({ eligibleUsers: 1, loginsPerUserPerMonth: 1, partsPerMessage: 0, pricePerPart: 0.056 })).toThrow(RangeError);
    expect(() => estimateMonthlyCost({ eligibleUsers: 1, loginsPerUserPerMonth: Number.NaN, partsPerMessage: 1, pricePerPart: 0.056 })).toThrow(RangeError);
  });

  it('counts the SMS a euro balance pays for, not a balance in credits', () => {
    expect(smsCoveredByBalance({ amount: 0.56, type: 'euros' }, 1, 0.056)).toBe(10);
    expect(smsCoveredByBalance({ amount: 56, type: 'euros' }, 2, 0.056)).toBe(500);
    expect(smsCoveredByBalance({ amount: 0.05, type: 'euros' }, 1, 0.056)).toBe(0);
    expect(smsCoveredByBalance({ amount: 1000, type: 'credits' }, 1, 0.056)).toBeNull();
    expect(smsCoveredByBalance({ amount: 10, type: 'euros' }, 1, 0)).toBeNull();
  });

  it('splits the cost as AFAS describes: login codes for the organisation, the rest for AFAS', () => {
    expect(AFAS_COST_SPLIT.filter((i) => i.payer === 'organisation').map((i) => i.id)).toEqual(['login_code']);
    expect(AFAS_COST_SPLIT.filter((i) => i.payer === 'afas').map((i) => i.id)).toEqual([
      'new_user_sign_up',
      'reset_pocket',
      'reset_authenticator',
      'new_phone',
      'new_phone_number',
    ]);
  });
});
