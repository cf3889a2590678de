import { afterEach, expect } from 'vitest';
import { describeFindings, takeFindings } from './guard';

// Every browser test: no Content-Security-Policy violation and no request to another origin, from any page,
// worker or service worker it opened (see ./guard.ts).
afterEach(() => {
  const findings = takeFindings();
  expect(findings, describeFindings(findings)).toEqual([]);
});
