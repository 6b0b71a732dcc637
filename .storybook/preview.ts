import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { withActions } from 'storybook/actions/decorator';
import { initialize, mswLoader } from 'msw-storybook-addon';
import { manifest } from '../stories/support/manifest.js';
import { withTokens } from '../stories/support/tokens.js';
import '../src/define.js';
import { loadAll } from '../src/components/lazy.js';

// Autodocs read attributes, properties, events, slots, parts and tokens from the manifest the build
// generates (`npm run analyze`, run before `storybook` and `build-storybook`), less internal state.
setCustomElementsManifest(manifest);
initialize({ onUnhandledRequest: 'bypass', quiet: true });

const preview: Preview = {
  // Steps' stories draw a later step's element on its own: every lazy chunk is loaded first.
  loaders: [mswLoader, async () => (await loadAll(), {})],
  // withTokens: `--cw-*` args are set on the story's element with style.setProperty.
  // withActions: the events listed in `parameters.actions.handles` appear in the Actions panel.
  decorators: [withTokens, withActions],
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: {
      storySort: { order: ['Wizard', ['checkout-wizard', 'Flows'], 'Steps', 'Elements'] },
    },
  },
};

export default preview;
