import type { ArgTypes, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { driveTo } from '../../src/mock/drive.js';
import { MockBackend, TestPaymentProvider, type ScenarioName } from '../../src/mock/index.js';
import type { StepId } from '../../src/machine/checkout.machine.js';
import { controlsOnly } from './manifest.js';

/**
 * A step element alone, on a checkout actor walked to its step on a fresh in-process mock backend
 * (no service worker needed), made again on every render.
 */
export function stepStory(step: StepId, scenario: ScenarioName = 'empty-cart'): StoryObj {
  return {
    loaders: [
      async () => {
        const backend = new MockBackend({ scenario });
        // The test provider's fields, on the mock's own payment network: the pay step can save a card.
        return driveTo(step, { backend, input: { provider: new TestPaymentProvider({ network: backend }) } });
      },
    ],
  };
}

/** Renders the meta's component with the loaded actor. */
export function renderStep(_args: unknown, { component, loaded }: StoryContext): HTMLElement {
  const el = document.createElement(component as string) as HTMLElement & Record<string, unknown>;
  el.actor = loaded.actor;
  return el;
}

/** A step's docs table: everything from the manifest, no controls (the actor drives the step). */
export const stepArgTypes = (tag: string): ArgTypes => controlsOnly(tag, []);
