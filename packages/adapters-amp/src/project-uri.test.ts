import { describe, expect, it } from 'vitest';
import { projectPathOfUri } from './project-uri.js';

describe('projectPathOfUri', () => {
  it('decodes POSIX, Windows drive and UNC file URIs independent of the host platform', () => {
    expect(projectPathOfUri('file:///home/user/myproject')).toBe('/home/user/myproject');
    expect(projectPathOfUri('file:///c%3A/Users/me/app/')).toBe('c:\\Users\\me\\app');
    expect(projectPathOfUri('file://server/share/app')).toBe('//server/share/app');
  });

  it('ignores other schemes and garbage', () => {
    expect(projectPathOfUri('https://github.com/x/y')).toBeNull();
    expect(projectPathOfUri('not a uri')).toBeNull();
  });
});
