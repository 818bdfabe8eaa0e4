/**
 * Input size caps that IPC schemas need. Kept apart from the rules themselves so the contract (and
 * with it the preload bundle) does not pull in libphonenumber's metadata just for a number.
 */

/** Longest phone number notation accepted as typed, spaces and punctuation included. */
export const PHONE_INPUT_MAX = 32;
