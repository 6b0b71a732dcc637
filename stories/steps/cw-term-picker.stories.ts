import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `term` step: monthly or annual billing.
const meta = {
  title: 'Steps/cw-term-picker',
  component: 'cw-term-picker',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-term-picker'),
} satisfies Meta;
export default meta;

export const Term: StoryObj = stepStory('term');
