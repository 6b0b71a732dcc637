import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The gates: why this user cannot buy here, and what to do.
const meta = {
  title: 'Steps/cw-gate',
  component: 'cw-gate',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-gate'),
} satisfies Meta;
export default meta;

export const Corporate: StoryObj = stepStory('corporate', 'corporate');
export const Forbidden: StoryObj = stepStory('forbidden', 'user');
export const SignedOut: StoryObj = stepStory('signed-out', 'signed-out');
export const Unavailable: StoryObj = stepStory('unavailable', 'backend-down');
