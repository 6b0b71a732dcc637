import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MockBackend, SCENARIOS, TestPaymentProvider, createMockAdapter, type ScenarioName } from '../src/mock/index.js';
import { tokens, type Tokens } from './support/tokens.js';
import { REMOTE_SUPPORT, savedAt, seed } from './support/states.js';
import { WIZARD_ACTIONS, WIZARD_ARGS, mockScenario, renderWizard, seedSavedProgress, wizardArgTypes } from './support/wizard.js';

// The whole wizard on the mock backend behind MSW, one story per scenario. Each story gets a fresh
// backend on every render, so what one visit buys the next never sees.
//
// Only the first story and the theming gallery appear on the Docs page: MSW answers a page from one
// set of handlers, so several scenarios on one page would all see the last one's backend.
const meta = {
  title: 'Wizard/checkout-wizard',
  component: 'checkout-wizard',
  tags: ['autodocs'],
  args: WIZARD_ARGS,
  argTypes: wizardArgTypes(),
  parameters: WIZARD_ACTIONS,
  render: renderWizard,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const emptyCart = mockScenario('empty-cart');

export const EmptyCart: Story = {
  name: 'Empty cart',
  ...emptyCart,
};

const PANELS: { id: string; label: string; theme: 'light' | 'dark'; tokens: Tokens }[] = [
  { id: 'light', label: 'Light (default)', theme: 'light', tokens: {} },
  { id: 'dark', label: 'Dark', theme: 'dark', tokens: {} },
  { id: 'brand', label: 'Brand accent', theme: 'light', tokens: { '--cw-color-accent': '#6b2fbf', '--cw-color-focus': '#6b2fbf', '--cw-radius': '14px' } },
  { id: 'compact', label: 'Compact density', theme: 'light', tokens: { '--cw-density': 0.5, '--cw-space': '10px', '--cw-font-size': '14px', '--cw-radius': '4px' } },
];

/**
 * What each gallery wizard shows: the review of two products, with the order summary beside it.
 * (Not the pay step: its recap is a region named "Your order" in every widget, which axe's
 * landmark-unique rule refuses with four widgets on one page.)
 */
const galleryState = seed('empty-cart', { items: [REMOTE_SUPPORT, { productId: 'meetings', tierId: 'mt-business', seats: 10, term: 'annual' }] });
const gallerySaved = savedAt('review');

/**
 * Light, dark, a brand accent and compact density, each at the review with its order summary: the
 * quote's table, links, buttons and the summary's figures in one view. Each wizard runs on its own
 * in-process mock backend (no service worker) and resumes progress seeded under its own storage
 * key; its tokens are set with style.setProperty, as a page under a strict CSP would (a `style`
 * attribute would be blocked there). Each is at least 48rem wide, so the summary sits beside the
 * steps (from 760 px of the widget's own width) rather than in a collapsed bar above them.
 */
export const ThemingGallery: Story = {
  name: 'Theming gallery',
  parameters: {
    // The gallery talks to no service worker, but on the Docs page it renders next to "Empty cart", and
    // msw-storybook-addon resets the worker's handlers for every story it loads: the same handlers keep
    // that story's backend answering.
    msw: emptyCart.parameters.msw,
    controls: { disable: true },
    actions: { disable: true },
    layout: 'fullscreen',
  },
  loaders: [
    () => {
      for (const p of PANELS) seedSavedProgress(`gallery-${p.id}`, gallerySaved());
      return {};
    },
  ],
  render: () => html`<style>
      .cw-gallery {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 48rem), 1fr));
        gap: 1.5rem;
        padding: 1.5rem;
        font-family: system-ui, sans-serif;
      }
      .cw-gallery figure {
        margin: 0;
      }
      .cw-gallery figcaption {
        font-weight: 600;
        margin-bottom: 0.5rem;
      }
    </style>
    <div class="cw-gallery">
      ${PANELS.map(
        (p) => html`<figure>
          <figcaption id=${`cw-gallery-${p.id}`}>${p.label}</figcaption>
          <checkout-wizard
            data-fixed-tokens
            storage-key=${`gallery-${p.id}`}
            label=${`Add a subscription (${p.label})`}
            theme=${p.theme}
            ${tokens(p.tokens)}
            .adapter=${createMockAdapter(new MockBackend({ seed: galleryState() }))}
            .paymentProvider=${new TestPaymentProvider()}
          ></checkout-wizard>
        </figure>`,
      )}
    </div>`,
};

/**
 * A scenario of the mock backend (the story itself is kept out of the Docs page with `!autodocs`).
 * `expectedHttpErrors`: the statuses the scenario answers on purpose, which the browser logs as
 * console errors; scripts/storybook-smoke.mjs accepts exactly those, for this story only.
 */
function scenario(name: ScenarioName, expectedHttpErrors?: number[]): Pick<Story, 'loaders' | 'parameters'> {
  const mock = mockScenario(name);
  return {
    loaders: mock.loaders,
    parameters: {
      ...mock.parameters,
      docs: { description: { story: SCENARIOS.find((s) => s.name === name)?.label } },
      ...(expectedHttpErrors ? { smoke: { expectedHttpErrors } } : {}),
    },
  };
}

export const CartWithItems: Story = { name: 'Cart with items', tags: ['!autodocs'], ...scenario('cart-with-items') };
export const Corporate: Story = { name: 'Corporate account', tags: ['!autodocs'], ...scenario('corporate') };
export const PlainUser: Story = { name: 'Plain user', tags: ['!autodocs'], ...scenario('user') };
export const SignedOut: Story = { name: 'Signed out', tags: ['!autodocs'], ...scenario('signed-out', [401]) };
export const BackendDown: Story = { name: 'Backend down', tags: ['!autodocs'], ...scenario('backend-down', [503]) };
export const UsdAccount: Story = { name: 'USD account', tags: ['!autodocs'], ...scenario('usd-account') };
export const EuBusiness: Story = { name: 'EU business', tags: ['!autodocs'], ...scenario('eu-business') };
export const Italian: Story = { name: 'Italiano', tags: ['!autodocs'], args: { locale: 'it' }, ...scenario('empty-cart') };
export const Arabic: Story = { name: 'العربية (right to left)', tags: ['!autodocs'], args: { locale: 'ar' }, ...scenario('eu-business') };
export const Preselected: Story = { name: 'Product preselected', tags: ['!autodocs'], args: { product: 'remote-support' }, ...scenario('empty-cart') };
export const Dark: Story = { name: 'Dark theme', tags: ['!autodocs'], args: { theme: 'dark' }, ...scenario('empty-cart') };
