import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `done` step: the order confirmed.
const meta = {
  title: 'Steps/cw-confirmation',
  component: 'cw-confirmation',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-confirmation'),
} satisfies Meta;
export default meta;

export const Done: StoryObj = stepStory('done');
