import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `select` step, as a billing contact with an empty cart sees it.
const meta = {
  title: 'Steps/cw-product-list',
  component: 'cw-product-list',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-product-list'),
} satisfies Meta;
export default meta;

export const Select: StoryObj = stepStory('select');
export const InYourCart: StoryObj = stepStory('select', 'cart-with-items');
