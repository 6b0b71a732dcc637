import type { StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { TEST_TOKENS, createState, type MockBackend, type MockState, type ScenarioName, type TestToken } from '../../src/mock/index.js';
import type { CartItem, PaymentMethod } from '../../src/contract/types.js';
import { VERSION, type Saved } from '../../src/machine/persist.js';
import { deepQuery, findButton } from './shadow.js';
import {
  TIMEOUT,
  clickButton,
  getWizard,
  mockScenario,
  stepElement,
  stepText,
  waitForStep,
  waitForText,
  type ScenarioOptions,
} from './wizard.js';

// The wizard's states, each reached the way a user gets there: a backend seeded with the account
// and cart of that moment (`createState(scenario)`, changed), progress saved as a reload would find
// it (the wizard resumes there once the backend agrees), and, for what only an action shows, a play
// function that does it. Shared by the States stories and the 375 px ones.

type Story = Pick<StoryObj, 'loaders' | 'parameters' | 'play'>;

/** The order most states show: Remote Support Premium, 5 licenses, billed annually. */
export const REMOTE_SUPPORT: Omit<CartItem, 'id'> = { productId: 'remote-support', tierId: 'rs-premium', seats: 5, term: 'annual' };

/** A payment method on file, as it was attached from a test token (the mock pays with that token's behaviour). */
export function method(id: string, token: TestToken, isDefault = false): PaymentMethod {
  const card = TEST_TOKENS[token];
  return { id, type: card.type ?? 'card', label: card.label, expires: card.expires, isDefault };
}

export interface SeedOptions {
  /** The cart's items (ids `ci-<productId>`); the scenario's when not given. */
  items?: Omit<CartItem, 'id'>[];
  /** Payment methods on file, each with the token it pays like; the scenario's when not given. */
  methods?: [PaymentMethod, TestToken][];
}

/** A scenario's starting state with another cart or other payment methods. */
export function seed(scenario: ScenarioName, { items, methods }: SeedOptions = {}): () => MockState {
  return () => {
    const state = createState(scenario);
    if (items) state.cart.items = items.map((item) => ({ id: `ci-${item.productId}`, ...item }));
    if (methods) {
      state.account.paymentMethods = methods.map(([m]) => m);
      state.cards = Object.fromEntries(methods.map(([m, token]) => [m.id, token]));
    }
    return state;
  };
}

/**
 * Progress saved at `step` for `account`, with the item being bought (or tried) as its draft;
 * `item: null` for none (the cart reached from the product list's "Back to cart").
 */
export function savedAt(
  step: Saved['step'],
  {
    account = 'acc-it',
    item = REMOTE_SUPPORT,
    mode = 'buy',
    seatsText = item ? String(item.seats) : '',
    ...more
  }: { account?: string; item?: Omit<CartItem, 'id'> | null; mode?: 'buy' | 'trial'; seatsText?: string } & Partial<Pick<Saved, 'promoCode' | 'paymentMethodId'>> = {},
): () => Saved {
  return () => ({
    v: VERSION,
    account,
    step,
    draft: item ? { productId: item.productId, mode, tierId: item.tierId, seatsText, term: item.term } : { seatsText, term: 'monthly' },
    ...more,
  });
}

/** A story's backend and saved progress, with the HTTP errors it answers on purpose (the smoke test accepts exactly those). */
function scenario(name: ScenarioName, options: ScenarioOptions & { expectedHttpErrors?: number[]; description?: string } = {}): Story {
  const { expectedHttpErrors, description, ...rest } = options;
  const mock = mockScenario(name, rest);
  return {
    loaders: mock.loaders,
    parameters: {
      ...mock.parameters,
      ...(description ? { docs: { description: { story: description } } } : {}),
      ...(expectedHttpErrors ? { smoke: { expectedHttpErrors } } : {}),
    },
  };
}

/** At the pay step with Remote Support in the cart, paying with the method on file that behaves like `token`. */
function atPay(token: TestToken, options: ScenarioOptions & { expectedHttpErrors?: number[]; description?: string } = {}): Story {
  const paying = method('pm-story', token, true);
  return scenario('empty-cart', {
    seed: seed('empty-cart', { items: [REMOTE_SUPPORT], methods: [[paying, token], ...(token === 'tok_visa' ? [] : [[method('pm-visa', 'tok_visa'), 'tok_visa'] as [PaymentMethod, TestToken]])] }),
    saved: savedAt('pay', { paymentMethodId: paying.id }),
    ...options,
  });
}

/** Waits until the wizard in the canvas shows `step`, at rest. */
async function at(canvasElement: HTMLElement, step: Parameters<typeof waitForStep>[1]) {
  const wizard = await getWizard(canvasElement);
  await waitForStep(wizard, step);
  return wizard;
}

export const states = {
  /** The first answers have not arrived: the skeleton, shaped like the product list. */
  loading: (): Story => scenario('empty-cart', { latencyMs: 86_400_000 }),

  signedOut: (): Story => scenario('signed-out', { expectedHttpErrors: [401] }),
  corporate: (): Story => scenario('corporate'),
  forbidden: (): Story => scenario('user'),
  unavailable: (): Story => scenario('backend-down', { expectedHttpErrors: [503] }),

  select: (): Story => ({
    ...scenario('empty-cart'),
    play: async ({ canvasElement }) => {
      await at(canvasElement, 'select');
    },
  }),

  /** 60 licenses of Remote Support Standard (1 to 50), and Next pressed. */
  seatsError: (): Story => ({
    ...scenario('empty-cart', { saved: savedAt('seats', { item: { ...REMOTE_SUPPORT, tierId: 'rs-standard' }, seatsText: '60' }) }),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'seats');
      await clickButton(wizard, 'Next');
      await waitForText(wizard, 'Fix the number of licenses to continue.');
      await expect(stepText(wizard)).toContain('This plan allows at most 50 licenses.');
      await expect(wizard.step).toBe('seats');
    },
  }),

  /** The cart's only item (Meetings) removed: Undo for 8 seconds, then the product list. */
  cartEmptied: (): Story => ({
    ...scenario('cart-with-items', { saved: savedAt('cart', { item: null }) }),
    play: async ({ canvasElement, loaded }) => {
      const wizard = await at(canvasElement, 'cart');
      await clickButton(wizard, 'Remove Meetings');
      await waitForText(wizard, 'Meetings was removed from your cart.');
      await waitFor(() => findButton(stepElement(wizard), 'Undo'), TIMEOUT);
      await expect((loaded.backend as MockBackend).cart.items).toHaveLength(0);
    },
  }),

  /** The cart changed in another tab (10 licenses instead of 5) after the quote: Place order answers quote_changed (409). */
  quoteChanged: (): Story => ({
    ...atPay('tok_visa', { expectedHttpErrors: [409] }),
    play: async ({ canvasElement, loaded }) => {
      const backend = loaded.backend as MockBackend;
      const wizard = await at(canvasElement, 'pay');
      const changed = await backend.handle(
        new Request(`https://mock.invalid${backend.basePath}/cart/items/ci-remote-support`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...REMOTE_SUPPORT, seats: 10 }),
        }),
      );
      await expect(changed.status).toBe(200);
      await clickButton(wizard, 'Place order');
      await waitForStep(wizard, 'review');
      await waitForText(wizard, 'Prices changed since you last looked.');
      await expect(stepText(wizard)).toMatch(/The total changed from .+ to .+\./);
      await expect(backend.orders).toHaveLength(0);
    },
  }),

  promoApplied: (): Story => ({
    ...scenario('empty-cart', { seed: seed('empty-cart', { items: [REMOTE_SUPPORT] }), saved: savedAt('review', { promoCode: 'WELCOME20' }) }),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'review');
      await expect(stepText(wizard)).toContain('Promotion code WELCOME20 applied');
      await expect(stepText(wizard)).toContain('20% off, forever');
    },
  }),

  /** SUMMER24 ended: the server answers promotion_code_expired (422) and the quote is priced without it. */
  promoRefused: (): Story => ({
    ...scenario('empty-cart', { seed: seed('empty-cart', { items: [REMOTE_SUPPORT] }), saved: savedAt('review'), expectedHttpErrors: [422] }),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'review');
      await clickButton(wizard, 'Add a promotion code');
      const input = await waitFor(() => {
        const el = deepQuery<HTMLInputElement>(stepElement(wizard), '#promo');
        if (!el) throw new Error('no promotion code field');
        return el;
      }, TIMEOUT);
      await userEvent.type(input, 'SUMMER24');
      await clickButton(wizard, 'Apply');
      await waitForText(wizard, 'This promotion code has expired.');
      await waitForStep(wizard, 'review');
    },
  }),

  /** Paying with a card the bank declines for insufficient funds (402). */
  declined: (): Story => ({
    ...atPay('tok_insufficientFunds', { expectedHttpErrors: [402] }),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'pay');
      await clickButton(wizard, 'Place order');
      await waitForText(wizard, 'The card has insufficient funds.');
      await waitForStep(wizard, 'pay');
    },
  }),

  /** Paying with a card whose bank asks for 3-D Secure on every payment: the test provider's challenge is open. */
  challenge: (): Story => ({
    ...atPay('tok_threeDSecureRequired'),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'pay');
      await clickButton(wizard, 'Place order');
      await waitFor(() => {
        const dialog = document.querySelector<HTMLDialogElement>('dialog[data-test-challenge]');
        if (!dialog?.open) throw new Error('no 3-D Secure challenge open');
      }, TIMEOUT);
      await expect(wizard.step).toBe('pay');
    },
  }),

  /**
   * The order went through, but a gateway lost the answer (504) and the look-ups that follow fail
   * (503) until the retries run out. "Check again" then finds the order.
   */
  unconfirmed: (): Story => ({
    ...atPay('tok_visa', {
      expectedHttpErrors: [503, 504],
      retry: { retries: 2, baseDelayMs: 200, maxDelayMs: 400 },
      prepare: (backend) => {
        backend.inject({ op: 'placeOrder', gateway: true });
        backend.inject({ op: 'lookupOrder', status: 503, times: 2 });
      },
    }),
    play: async ({ canvasElement, loaded }) => {
      const wizard = await at(canvasElement, 'pay');
      await clickButton(wizard, 'Place order');
      await waitForText(wizard, 'We could not confirm your order yet.');
      await waitFor(() => findButton(stepElement(wizard), 'Check again'), TIMEOUT);
      // The charge did go through: Check again will find it.
      await expect((loaded.backend as MockBackend).orders).toHaveLength(1);
    },
  }),

  pay: (): Story => ({
    ...atPay('tok_visa'),
    play: async ({ canvasElement }) => {
      await at(canvasElement, 'pay');
    },
  }),

  done: (): Story => ({
    ...atPay('tok_visa'),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'pay');
      await clickButton(wizard, 'Place order');
      await waitForStep(wizard, 'done');
      await expect(stepText(wizard)).toContain('Thank you! Your order is complete');
    },
  }),

  /** Paid by SEPA Direct Debit: the order is `processing` until the debit clears. */
  processing: (): Story => ({
    ...atPay('tok_sepaDebit'),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'pay');
      await clickButton(wizard, 'Place order');
      await waitForStep(wizard, 'done');
      await expect(stepText(wizard)).toContain('Thank you! Your payment is processing');
    },
  }),

  /** A free trial of Remote Support Premium, 3 licenses. */
  trial: (): Story => ({
    ...scenario('empty-cart', { saved: savedAt('seats', { mode: 'trial', seatsText: '3' }) }),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'seats');
      await clickButton(wizard, 'Start trial');
      await waitForStep(wizard, 'done');
      await expect(stepText(wizard)).toContain('Your free trial has started');
    },
  }),

  /** The renewing account (Help Desk annual, Meetings monthly) adds Remote Support: its billing date moves to today. */
  adjustments: (): Story => ({
    ...scenario('renewing-account', { seed: seed('renewing-account', { items: [REMOTE_SUPPORT] }), saved: savedAt('review') }),
    play: async ({ canvasElement }) => {
      const wizard = await at(canvasElement, 'review');
      await expect(stepText(wizard)).toContain('Help Desk: credit for the unused time');
      await expect(stepText(wizard)).toContain('Meetings: credit for the unused time');
    },
  }),
};
