export declare function deriveSqliteSchema(canonical: string): string;
