import { describe, expect, it } from 'vitest';
import { projectPathFromWorkspaceJson, uriToPath } from './workspace-uri.js';

describe('uriToPath', () => {
  it.each([
    ['file:///home/ada/my%20project', '/home/ada/my project'],
    ['file:///home/ada/caf%C3%A9/%23x%25y', '/home/ada/café/#x%y'],
    ['file:///home/ada/proj/', '/home/ada/proj'],
    ['file:///c%3A/Users/hood1/code', 'c:\\Users\\hood1\\code'],
    ['file:///C:/Users/ada', 'C:\\Users\\ada'],
    ['file:///c%3A/', 'c:\\'],
    ['file://server/share/proj', '\\\\server\\share\\proj'],
    ['vscode-remote://ssh-remote%2Bbox/home/ada/app', '/home/ada/app'],
    ['file:///', '/'],
  ])('%s → %s', (uri, path) => {
    expect(uriToPath(uri)).toBe(path);
  });

  it.each(['untitled:Untitled-1', 'not a uri', 'file:///bad%E0%A4%A', 'https://example.com/x'])('%s → null', (uri) => {
    expect(uriToPath(uri)).toBeNull();
  });
});

describe('projectPathFromWorkspaceJson', () => {
  it('takes a folder as the project', () => {
    expect(projectPathFromWorkspaceJson({ folder: 'file:///srv/app' })).toBe('/srv/app');
  });
  it('takes the folder containing a .code-workspace file', () => {
    expect(projectPathFromWorkspaceJson({ workspace: 'file:///home/ada/ws/team.code-workspace' })).toBe('/home/ada/ws');
    expect(projectPathFromWorkspaceJson({ workspace: 'file:///c%3A/ws/a.code-workspace' })).toBe('c:\\ws');
  });
  it('gives null for anything else', () => {
    expect(projectPathFromWorkspaceJson({})).toBeNull();
    expect(projectPathFromWorkspaceJson(null)).toBeNull();
    expect(projectPathFromWorkspaceJson({ folder: 42 })).toBeNull();
  });
});
