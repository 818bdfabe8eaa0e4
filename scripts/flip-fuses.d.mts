import type { FuseConfig, FuseState } from '@electron/fuses';

export declare function applyFuses(binaryPath: string): Promise<FuseConfig<FuseState>>;
