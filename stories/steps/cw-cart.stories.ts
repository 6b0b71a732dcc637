import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `cart` step, with the item just added next to the one already there.
const meta = {
  title: 'Steps/cw-cart',
  component: 'cw-cart',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-cart'),
} satisfies Meta;
export default meta;

export const Cart: StoryObj = stepStory('cart', 'cart-with-items');
