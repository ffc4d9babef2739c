export declare const DEFAULT_PG_URL: string;
export declare const PRIVATE_PG_DIR: string;
export declare function stopPrivatePostgres(): void;
export declare function ensurePostgres(
  env?: Readonly<Record<string, string | undefined>>,
): Promise<{ url: string; started: boolean }>;
export declare function isRoot(): boolean;
export declare function runAsPostgres(bin: string, args: string[]): string;
export declare function findBinDir(): string | null;
