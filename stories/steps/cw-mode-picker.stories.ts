import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `mode` step: buy, or try free.
const meta = {
  title: 'Steps/cw-mode-picker',
  component: 'cw-mode-picker',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-mode-picker'),
} satisfies Meta;
export default meta;

export const Mode: StoryObj = stepStory('mode');
