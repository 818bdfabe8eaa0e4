/**
 * The wizard's details form, without its rules: the store and the profile list use the form's shape,
 * and must not pull the rules' phone metadata and schemas into the first screen (details-validation.ts
 * has the rules and loads with the wizard).
 */
export const DETAIL_FIELDS = ['participantNumber', 'description', 'originator', 'apiKey', 'adminPhone'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export interface DetailsForm {
  participantNumber: string;
  description: string;
  originator: string;
  apiKey: string;
  adminPhone: string;
}

export const EMPTY_FORM: DetailsForm = { participantNumber: '', description: '', originator: '', apiKey: '', adminPhone: '' };
