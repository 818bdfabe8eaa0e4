import type { FuseV1Config } from '@electron/fuses';

export declare const FUSE_CONFIG: FuseV1Config & { strictlyRequireAllFuses: true };
export declare function fuseConfigFor(platform: string): FuseV1Config & { strictlyRequireAllFuses: true };
