import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `review` step: the server's quote.
const meta = {
  title: 'Steps/cw-review',
  component: 'cw-review',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-review'),
} satisfies Meta;
export default meta;

export const Review: StoryObj = stepStory('review');
