// The code check compares in constant time: `crypto.timingSafeEqual` over two equal-length HMACs, for a
// right and a wrong code alike. Replacing it with `===` or `Buffer.equals` fails this test.
import type * as Crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

const timingSafeEqual = vi.hoisted(() => vi.fn());
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  timingSafeEqual.mockImplementation(actual.timingSafeEqual);
  return { ...actual, default: { ...actual, timingSafeEqual }, timingSafeEqual };
});

const { ConfirmationCodes } = await import('../../../../../src/main/services/profiles/confirmation-codes');

afterEach(() => timingSafeEqual.mockClear());

describe('ConfirmationCodes: constant-time comparison', () => {
  it('checks every entered code with crypto.timingSafeEqual on two 32-byte digests, never the code itself', () => {
    const codes = new ConfirmationCodes({ clock: { now: () => 1 }, randomInt: () => 424242 });
    const issued = codes.issue('p1', '+31612345678');
    expect(issued.ok).toBe(true);

    expect(codes.verify('p1', '111111')).toMatchObject({ status: 'wrong' });
    expect(codes.verify('p1', 'not a code')).toMatchObject({ status: 'wrong' });
    expect(codes.verify('p1', '424242')).toEqual({ status: 'ok' });

    expect(timingSafeEqual).toHaveBeenCalledTimes(3);
    for (const [left, right] of timingSafeEqual.mock.calls as Array<[Buffer, Buffer]>) {
      expect(Buffer.isBuffer(left) && Buffer.isBuffer(right)).toBe(true);
      expect([left.length, right.length]).toEqual([32, 32]);
      expect(left.toString('latin1')).not.toContain('424242');
    }
  });

  it('relies on the constant-time result: a comparison that says "equal" lets any code through', () => {
    // Proves the verdict comes from timingSafeEqual and from nothing else (no second, timing-leaky check).
    const codes = new ConfirmationCodes({ clock: { now: () => 1 }, randomInt: () => 424242 });
    codes.issue('p1', '+31612345678');
    timingSafeEqual.mockReturnValueOnce(true);
    expect(codes.verify('p1', '000000')).toEqual({ status: 'ok' });
  });
});
