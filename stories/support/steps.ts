import type { ArgTypes, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { driveTo } from '../../src/mock/drive.js';
import { TestPaymentProvider, type ScenarioName } from '../../src/mock/index.js';
import type { StepId } from '../../src/machine/checkout.machine.js';
import { controlsOnly } from './manifest.js';

/**
 * A step element alone, on a checkout actor walked to its step on a fresh in-process mock backend
 * (no service worker needed), made again on every render.
 */
export function stepStory(step: StepId, scenario: ScenarioName = 'empty-cart'): StoryObj {
  return { loaders: [async () => driveTo(step, { scenario })] };
}

/** Renders the meta's component with the loaded actor (and a test payment provider for cw-payment). */
export function renderStep(_args: unknown, { component, loaded }: StoryContext): HTMLElement {
  const el = document.createElement(component as string) as HTMLElement & Record<string, unknown>;
  el.actor = loaded.actor;
  if (component === 'cw-payment') el.provider = new TestPaymentProvider();
  return el;
}

/** A step's docs table: everything from the manifest, no controls (the actor drives the step). */
export const stepArgTypes = (tag: string): ArgTypes => controlsOnly(tag, []);
