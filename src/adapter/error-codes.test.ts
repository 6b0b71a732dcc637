import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  classify,
  declineKey,
  codeForStatus,
  fieldOf,
  gateOf,
  isKnownCode,
  isRetryable,
  messageKey,
  needsRequote,
  outcomeUnknown,
  type ErrorCode,
} from './error-codes.js';
import { BillingError } from './errors.js';
import { vProblemCode } from '../contract/generated/valibot.gen.js';
import { en } from '../i18n/en.js';

const of = (code: string, status = 0, fieldErrors: { field: string; code: string }[] = []) =>
  new BillingError(code, code, { status, fieldErrors });

describe('error codes', () => {
  it('knows every problem code the contract lists', () => {
    const unknown = vProblemCode.options.filter((code) => !isKnownCode(code));
    assert.deepEqual(unknown, []);
  });

  it('retries failures after which the same request may succeed, and only those', () => {
    const retried: ErrorCode[] = ['network', 'timeout', 'invalid_response', 'idempotency_in_progress', 'unavailable', 'internal', 'rate_limited'];
    for (const code of retried) assert.equal(isRetryable(of(code)), true, code);
    for (const code of ['payment_declined', 'quote_expired', 'validation_failed', 'idempotency_key_reused', 'aborted', 'unauthenticated'])
      assert.equal(isRetryable(of(code)), false, code);
  });

  it('says an order may exist when no problem document said whether it was placed', () => {
    for (const code of ['network', 'timeout', 'invalid_response', 'idempotency_in_progress', 'order_in_progress']) assert.equal(outcomeUnknown(of(code)), true, code);
    // Any 5xx: a gateway's 504 may hide a charge the backend behind it made.
    for (const code of ['unavailable', 'internal']) assert.equal(outcomeUnknown(of(code, 503)), true, code);
    assert.equal(outcomeUnknown({ code: 'some_new_5xx_code', status: 502 }), true, 'a newer server code, by its status');
    // An answer that is not a problem document says nothing, whatever its status.
    assert.equal(outcomeUnknown({ code: 'bad_request', status: 400, opaque: true }), true);
    assert.equal(isRetryable({ code: 'bad_request', status: 400, opaque: true }), true);
    // A problem document answered for certain: nothing was placed.
    for (const code of ['rate_limited', 'payment_declined', 'quote_already_paid', 'quote_expired']) assert.equal(outcomeUnknown(of(code)), false, code);
  });

  it('reads a decline code own entries only: a code such as constructor is the generic decline', () => {
    const declines = { authentication_failed: 'a', insufficient_funds: 'b', card_expired: 'c', do_not_honor: 'd', generic_decline: 'e' };
    assert.equal(declineKey(declines, 'insufficient_funds'), 'insufficient_funds');
    for (const code of ['constructor', '__proto__', 'toString', 'lost_card', undefined]) assert.equal(declineKey(declines, code), 'generic_decline', String(code));
  });

  it('prices again when the quote is stale or gone', () => {
    for (const code of ['quote_expired', 'quote_changed', 'not_found']) assert.equal(needsRequote(of(code, 409)), true, code);
    assert.equal(needsRequote(of('payment_declined', 402)), false);
  });

  it('sends sign-in, corporate and role failures to their gates', () => {
    assert.equal(gateOf(of('unauthenticated', 401)), 'signed-out');
    assert.equal(gateOf(of('corporate_account', 403)), 'corporate');
    assert.equal(gateOf(of('forbidden_role', 403)), 'forbidden');
    assert.equal(gateOf(of('network')), undefined);
  });

  it('puts a failure on the field it belongs to, by code or by the first form field the server named', () => {
    assert.equal(fieldOf(of('seats_out_of_range', 422)), 'seats');
    assert.equal(fieldOf(of('invalid_vat_id', 422)), 'vatId');
    for (const code of ['payment_declined', 'payment_method_required', 'payment_method_failed']) assert.equal(fieldOf(of(code)), 'paymentMethodId', code);
    const fields = [
      { field: 'productId', code: 'already_in_cart' },
      { field: 'seats', code: 'invalid' },
    ];
    assert.equal(fieldOf(of('validation_failed', 422, fields)), 'seats');
    assert.equal(fieldOf(of('validation_failed', 422, fields.slice(0, 1))), undefined);
  });

  it('gives each code its message, and every message exists in English', () => {
    assert.equal(messageKey(of('payment_declined', 402)), 'payment_declined');
    assert.equal(messageKey(of('internal', 500)), 'unavailable');
    assert.equal(messageKey(of('quote_expired', 409)), 'generic');
    for (const code of vProblemCode.options) assert.equal(typeof en.errors[messageKey(of(code))], 'string', code);
  });

  it('classes a code newer than this table by its HTTP status', () => {
    assert.equal(isKnownCode('maintenance_window'), false);
    const down = of('maintenance_window', 503);
    assert.equal(isRetryable(down), true);
    assert.equal(messageKey(down), 'unavailable');
    assert.equal(gateOf(of('session_revoked', 401)), 'signed-out');
    assert.equal(messageKey(of('card_expired', 402)), 'payment_declined');
    assert.deepEqual(classify(of('something_new')), { message: 'generic' });
  });

  it('reads only its own entries, so a code named after an Object property is just unknown', () => {
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      assert.equal(isKnownCode(code), false, code);
      assert.equal(messageKey(of(code, 400)), 'generic', code);
      assert.equal(typeof en.errors[messageKey(of(code))], 'string', code);
    }
  });

  it('names the generic code of each error status', () => {
    const cases: [number, string][] = [
      [400, 'bad_request'],
      [401, 'unauthenticated'],
      [402, 'payment_declined'],
      [403, 'forbidden_role'],
      [404, 'not_found'],
      [409, 'conflict'],
      [418, 'bad_request'],
      [422, 'validation_failed'],
      [429, 'rate_limited'],
      [500, 'internal'],
      [502, 'unavailable'],
      [503, 'unavailable'],
      [504, 'unavailable'],
      [507, 'internal'],
    ];
    for (const [status, code] of cases) assert.equal(codeForStatus(status), code, String(status));
  });
});
