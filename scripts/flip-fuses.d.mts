import type { FuseConfig, FuseState } from '@electron/fuses';

export declare function applyFuses(binaryPath: string, platform?: string): Promise<FuseConfig<FuseState>>;
