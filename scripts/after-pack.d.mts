export interface AfterPackContextLike {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export declare function packedExecutable(context: AfterPackContextLike): string;
export default function afterPack(context: AfterPackContextLike): Promise<void>;
