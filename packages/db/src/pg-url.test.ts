import { describe, expect, it } from 'vitest';
import { pgConnectionString } from './pg-url.js';

describe('pgConnectionString', () => {
  it('gives an sslmode libpq semantics', () => {
    expect(pgConnectionString('postgres://u:p@h/db?sslmode=require')).toBe(
      'postgres://u:p@h/db?sslmode=require&uselibpqcompat=true',
    );
  });
  it('leaves URLs without sslmode, or with an explicit choice, alone', () => {
    expect(pgConnectionString('postgres://u@h/db')).toBe('postgres://u@h/db');
    expect(pgConnectionString('postgres://u@h/db?sslmode=verify-full&uselibpqcompat=false')).toBe(
      'postgres://u@h/db?sslmode=verify-full&uselibpqcompat=false',
    );
  });
});
