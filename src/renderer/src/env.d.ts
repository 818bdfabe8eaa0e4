/// <reference types="vite/client" />
import type { SmsAdminBridge } from '@shared/contract';

declare global {
  interface Window {
    /**
     * The preload's bridge (Electron). Absent in the browser host, where `api.ts` falls back to HTTP.
     * Read it only in `api.ts`.
     */
    smsAdmin?: SmsAdminBridge;
  }
}
