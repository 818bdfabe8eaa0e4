export { ConfirmationCodes } from './confirmation-codes';
export type { ConfirmationLog } from './confirmation-log';
export { messageLanguage } from './confirmation-message';
export { ProfilesService, activeKeyId, pendingKeyId, type ProfilesServiceDeps } from './profiles-service';
