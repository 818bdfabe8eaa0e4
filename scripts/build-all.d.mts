export declare const root: string;
export declare function buildIsStale(): boolean;
export declare function buildAll(): void;
