import { expect } from '@open-wc/testing';
import { trialEnd } from './trial-end.js';

describe('trialEnd', () => {
  it('counts the trial days from today where the account is billed', () => {
    // 23:30 in London on 9 March is already 10 March in Rome.
    const late = new Date('2025-03-09T23:30:00Z');
    expect(trialEnd(14, 'Europe/Rome', late)).to.equal('2025-03-24');
    expect(trialEnd(14, 'Europe/London', late)).to.equal('2025-03-23');
    expect(trialEnd(14, 'America/New_York', late)).to.equal('2025-03-23');
  });

  it('crosses months, years and a leap day', () => {
    expect(trialEnd(14, 'UTC', new Date('2024-02-20T12:00:00Z'))).to.equal('2024-03-05');
    expect(trialEnd(7, 'UTC', new Date('2025-12-28T12:00:00Z'))).to.equal('2026-01-04');
  });

  it('without a time zone, or with one this browser does not know, counts from the browser\'s today', () => {
    const now = new Date('2025-06-15T12:00:00Z');
    const local = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 14);
    const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
    expect(trialEnd(14, undefined, now)).to.equal(expected);
    expect(trialEnd(14, 'Mars/Olympus_Mons', now)).to.equal(expected);
  });
});
