/**
 * How many SMS parts a body takes, and in which encoding. The arithmetic is delegated to
 * `sms-segments-calculator`, which gets the traps right: GSM-7 extension characters
 * (`€ [ ] { } ^ ~ \ |`, form feed) take two septets and are never split across parts, and a UTF-16
 * surrogate pair is never split across UCS-2 parts.
 * @see docs/MESSAGEBIRD.md "Length and cost"
 */
import { SegmentedMessage } from 'sms-segments-calculator';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Characters per part (GSM-7 septets or UCS-2 code units): one part, then each part of a split message. */
export const PART_LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Number of SMS parts MessageBird will bill (at least 1, also for an empty body). */
  parts: number;
  /**
   * Length in the units the limits count: GSM-7 septets (an extension character counts two) or
   * UCS-2 code units (an emoji outside the BMP counts two).
   */
  characters: number;
  /** Characters that force UCS-2; empty for GSM-7. Lets the UI say which character doubled the cost. */
  nonGsmCharacters: string[];
}

/**
 * Characters of the GSM-7 basic table that are one septet each and one grapheme each: a body of only
 * these is plain arithmetic. Extension characters (`€ [ ] { } ^ ~ \ |`), CR (which pairs with LF into
 * one grapheme) and everything else go through the calculator.
 */
const PLAIN_GSM = /^[A-Za-z0-9 \n@$_!"#%&'()*+,\-./:;<=>?]*$/;

/** Encoding and part count of an SMS body as MessageBird sends it with `datacoding: auto`. */
export function countSegments(body: string): SmsSegments {
  // The calculator splits graphemes first, which costs far more than the send it describes; the common
  // case (a code in plain letters and digits) needs none of that. The test compares both ways.
  if (PLAIN_GSM.test(body)) {
    const single = PART_LIMITS['GSM-7'];
    const parts = body.length <= single.single ? 1 : Math.ceil(body.length / single.multi);
    return { encoding: 'GSM-7', parts, characters: body.length, nonGsmCharacters: [] };
  }
  return countWithCalculator(body);
}

/** The calculator's answer for any body; `countSegments` takes a shortcut for plain GSM-7 text. */
export function countWithCalculator(body: string): SmsSegments {
  const message = new SegmentedMessage(body, 'auto');
  const encoding: SmsEncoding = message.encodingName;
  const characters = message.encodedChars.reduce((sum, char) => sum + char.codeUnits.length, 0);
  return {
    encoding,
    parts: Math.max(1, message.segmentsCount),
    characters,
    nonGsmCharacters: encoding === 'UCS-2' ? unique(message.getNonGsmCharacters()) : [],
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
