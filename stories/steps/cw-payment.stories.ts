import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { renderStep, stepArgTypes, stepStory } from '../support/steps.js';

// The `pay` step: payment method, VAT number, Place order.
const meta = {
  title: 'Steps/cw-payment',
  component: 'cw-payment',
  tags: ['autodocs'],
  render: renderStep,
  argTypes: stepArgTypes('cw-payment'),
} satisfies Meta;
export default meta;

export const Pay: StoryObj = stepStory('pay');
export const EuBusiness: StoryObj = stepStory('pay', 'eu-business');
