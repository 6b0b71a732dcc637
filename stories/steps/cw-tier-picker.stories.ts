import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `tier` step: the product's plans.
const meta = {
  title: 'Steps/cw-tier-picker',
  component: 'cw-tier-picker',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-tier-picker'),
} satisfies Meta;
export default meta;

export const Tier: StoryObj = stepStory('tier');
