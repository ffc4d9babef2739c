export declare const DEFAULT_PG_URL: string;
export declare const PRIVATE_PG_PORT: number;
export declare const PRIVATE_PG_DIR: string;
export declare function canConnect(url: string): Promise<boolean>;
export declare function startPrivatePostgres(): Promise<string>;
export declare function stopPrivatePostgres(): void;
export declare function ensurePostgres(
  env?: Readonly<Record<string, string | undefined>>,
): Promise<{ url: string; started: boolean }>;
export declare function isRoot(): boolean;
export declare function runAsPostgres(bin: string, args: string[]): string;
export declare function findBinDir(): string | null;
