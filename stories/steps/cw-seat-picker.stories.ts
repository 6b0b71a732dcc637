import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `seats` step: how many user licenses.
const meta = {
  title: 'Steps/cw-seat-picker',
  component: 'cw-seat-picker',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-seat-picker'),
} satisfies Meta;
export default meta;

export const Seats: StoryObj = stepStory('seats');
