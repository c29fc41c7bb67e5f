import { describe, expect, it } from 'vitest';
import { formatPeriod } from '../../src/web/format.ts';

describe('formatPeriod', () => {
  it('writes a single day once, not "15 May 2024 to 15 May 2024"', () => {
    expect(formatPeriod({ from: '2024-05-15', to: '2024-05-15' })).toBe('15 May 2024');
  });

  it('writes a window from its first to its last day', () => {
    expect(formatPeriod({ from: '2024-04-01', to: '2025-03-31' })).toBe('1 April 2024 to 31 March 2025');
  });

  it('says "Not set" without dates', () => {
    expect(formatPeriod(null)).toBe('Not set');
  });
});
