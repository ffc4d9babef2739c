import { describe, expect, it } from 'vitest';
import { uriToPath } from './workspace-folder.js';

describe('uriToPath', () => {
  it('percent-decodes file URIs', () => {
    expect(uriToPath('file:///home/wei/My%20Project/%C3%A9t%C3%A9', 'linux')).toBe('/home/wei/My Project/été');
  });
  it('turns Windows drive URIs into Windows paths', () => {
    expect(uriToPath('file:///c%3A/Users/hood1/proj', 'win32')).toBe('c:\\Users\\hood1\\proj');
  });
  it('keeps the server of UNC file URIs', () => {
    expect(uriToPath('file://server/share/proj', 'linux')).toBe('//server/share/proj');
  });
  it('gives the remote path of a remote workspace', () => {
    expect(uriToPath('vscode-remote://ssh-remote%2Bbox/home/marco/app', 'darwin')).toBe('/home/marco/app');
  });
  it('rejects non-URIs', () => {
    expect(uriToPath('/plain/path', 'linux')).toBeNull();
    expect(uriToPath('file://', 'linux')).toBeNull();
  });
});
