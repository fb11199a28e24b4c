import { describe, expect, it } from 'vitest';
import { folderOf, formatBytes, formatDate, formatRelative, plural, shellArg } from '../../src/renderer/src/format';

describe('format', () => {
  it('writes sizes in the largest unit under 1024, one decimal below 10', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3072 GB');
  });

  it('says how long ago, then falls back to the date', () => {
    const now = Date.parse('2025-03-10T12:00:00Z');
    const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();
    expect(formatRelative(ago(10), now)).toBe('just now');
    expect(formatRelative(ago(5 * 60), now)).toBe('5 min ago');
    expect(formatRelative(ago(3 * 3600), now)).toBe('3 h ago');
    expect(formatRelative(ago(26 * 3600), now)).toBe('yesterday');
    expect(formatRelative(ago(3 * 86400), now)).toBe('3 days ago');
    expect(formatRelative(ago(30 * 86400), now)).toBe(formatDate(ago(30 * 86400)));
  });

  it('leaves what is not a date as it came', () => {
    expect(formatRelative('soon')).toBe('soon');
    expect(formatDate('')).toBe('');
  });

  it('counts in words', () => {
    expect(plural(1, 'flow')).toBe('1 flow');
    expect(plural(2, 'flow')).toBe('2 flows');
    expect(plural(0, 'match', 'matches')).toBe('0 matches');
  });

  it('quotes a shell argument only when it needs it', () => {
    expect(shellArg('/tmp/a.crosswalk')).toBe('/tmp/a.crosswalk');
    expect(shellArg('C:\\Users\\ana\\a.crosswalk')).toBe('C:\\Users\\ana\\a.crosswalk');
    expect(shellArg('/tmp/my file.crosswalk')).toBe('"/tmp/my file.crosswalk"');
    expect(shellArg('a"$b`c')).toBe('"a\\"\\$b\\`c"');
  });

  it('keeps the folder of a path with its separator', () => {
    expect(folderOf('/tmp/ui/a.crosswalk')).toBe('/tmp/ui/');
    expect(folderOf('C:\\work\\a.crosswalk')).toBe('C:\\work\\');
    expect(folderOf('a.crosswalk')).toBe('');
  });
});
