export declare const canonicalPath: string;
export declare const derivedPath: string;
export declare function deriveSqliteSchema(canonical: string): string;
