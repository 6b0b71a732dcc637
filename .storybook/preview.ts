import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { initialize, mswLoader } from 'msw-storybook-addon';
import manifest from '../custom-elements.json';
import '../src/define.js';

// Autodocs read attributes, properties, events, slots, parts and tokens from the manifest the build generates.
setCustomElementsManifest(manifest);
initialize({ onUnhandledRequest: 'bypass', quiet: true });

const preview: Preview = {
  loaders: [mswLoader],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
