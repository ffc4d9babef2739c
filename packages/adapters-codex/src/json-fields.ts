/** The fields of an untyped JSON record (narrowed with adapter-kit's isRecord). */
export type Fields = Record<string, unknown>;
