import { expect } from 'chai';
import { BillingError } from '../src/adapter/errors.js';

/** The BillingError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<BillingError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(BillingError);
    return e as BillingError;
  }
  throw new Error('expected a BillingError, but the call succeeded');
}
