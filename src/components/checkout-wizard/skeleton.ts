import { css, html } from 'lit';

/**
 * What the wizard draws while it loads: the shape of what comes next, so the frame does not
 * jump from one line to a whole step. Before the first step (and after "Add more products"),
 * that is the product list: a progress bar, a heading, a line of intro and the product cards
 * (an icon square, a name, two lines of description, a price and a button). After a gate
 * ("Try again" on an unavailable backend or a signed-out session), the gate's own shape: a
 * heading, two lines and a button, so a retry that fails again does not grow the frame and shrink it back.
 * That `step` shape also holds a later step's place while its chunk loads (the progress indicator and
 * the summary stay drawn around it).
 *
 * Drawing only: hidden from assistive technology, which hears the wizard's live region say
 * "Loading…"; the wrapper carries `aria-busy`. The bones take their colours from the tokens
 * (raised, border), so they follow the light and dark themes and the host's `--cw-*`; they shimmer
 * only without `prefers-reduced-motion: reduce`.
 */
export type SkeletonShape = 'list' | 'step';

const bone = (cls: string) => html`<span class="bone ${cls}"></span>`;

const card = html`<div class="sk-card">
  <div class="sk-title">${bone('icon')}${bone('line headline')}</div>
  <div class="sk-text">${bone('line')}${bone('line short')}</div>
  ${bone('line price')}${bone('pill')}
  ${bone('button')}
</div>`;

/** The progress indicator: dots with their names when wide, "Step 1 of 7" and a bar when narrow (as cw-progress). */
const progress = html`<div class="sk-progress">
  <div class="sk-steps">${Array.from({ length: 8 }, () => html`<span class="sk-step">${bone('dot')}${bone('name')}</span>`)}</div>
  <div class="sk-summary">${bone('line count')}${bone('track')}</div>
</div>`;

export function skeleton(shape: SkeletonShape = 'list') {
  return html`<div class="loading" part="loading" aria-busy="true">
    <div class="skeleton" aria-hidden="true">
      ${shape === 'list'
        ? html`${progress}
            <div class="sk-layout">
              <div class="sk-main">
                ${bone('heading')}
                <div class="sk-intro">${bone('line')}${bone('line short')}</div>
                <div class="sk-cards">${card}${card}${card}${card}${card}${card}</div>
              </div>
              <div class="sk-aside">${bone('line headline')}${bone('line')}${bone('line short')}</div>
            </div>`
        : html`${bone('heading')} ${bone('line')} ${bone('line short')}
            <div class="sk-actions">${bone('button')}</div>`}
    </div>
  </div>`;
}

export const skeletonStyles = css`
  .skeleton {
    /* Bones a step darker than the raised surface in light, a step lighter in dark; the sheen runs the raised colour over them. */
    --_bone: color-mix(in srgb, var(--_raised) 55%, var(--_border));
    --_sheen: var(--_raised);
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .bone {
    display: block;
    border-radius: calc(var(--_radius) / 2);
    background-color: var(--_bone);
  }
  /* One line of body text (1.5em) holds a bar of 1em. */
  .bone.line {
    height: 1em;
    margin-block: 0.25em;
    width: 100%;
  }
  .bone.short {
    width: 65%;
  }

  /* The progress indicator, as cw-progress draws it at the same width. */
  .sk-progress {
    margin-bottom: calc(var(--_space) - var(--_gap));
    font-size: 0.8125em;
    line-height: 1.3;
  }
  .sk-steps {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
  }
  .sk-step {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.35em;
    padding: 0.25em 0.3em 0.2em;
  }
  .sk-step + .sk-step::before {
    content: '';
    position: absolute;
    inset-block-start: calc(0.25em + 0.925em - 1px);
    inset-inline: calc(-50% + 1.325em) calc(50% + 1.325em);
    block-size: 2px;
    background: var(--_bone);
  }
  .bone.dot {
    width: 1.85em;
    height: 1.85em;
    border-radius: 50%;
  }
  .bone.name {
    width: min(5em, 80%);
    height: 0.8em;
    margin-block: 0.25em;
  }
  .sk-summary {
    display: none;
    flex-direction: column;
    gap: 0.5em;
  }
  .bone.count {
    width: min(12em, 60%);
    margin-block: 0.35em;
  }
  .bone.track {
    height: 0.375em;
    border-radius: 999px;
  }
  /* cw-progress turns compact at 35 to 45em, by its number of steps; most paths have eight. */
  @container cw-frame (max-width: 40em) {
    .sk-steps {
      display: none;
    }
    .sk-summary {
      display: flex;
    }
  }

  /*
   * Below the progress: the step, and beside it when the widget is wide the order summary's card, as the wizard
   * lays them out (760px of the widget, the frame's content 34px narrower; see SUMMARY_BESIDE_PX).
   */
  .sk-layout {
    display: grid;
    gap: var(--_space);
  }
  .sk-main {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-width: 0;
  }
  .sk-aside {
    display: none;
    flex-direction: column;
    gap: 0.5em;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  @container cw-frame (min-width: 726px) {
    .sk-layout {
      grid-template-columns: minmax(0, 1fr) minmax(240px, 32%);
      align-items: start;
    }
    .sk-aside {
      display: flex;
    }
  }

  /* The step heading: 1.375em text on a 1.3 line. */
  .bone.heading {
    height: 1.375em;
    margin-block: 0.225em;
    width: min(16em, 70%);
    border-radius: var(--_radius);
  }
  /* The intro: one line when wide, two when narrow. */
  .sk-intro {
    margin-bottom: 0.5em;
  }
  .sk-intro .bone:first-child {
    width: min(38em, 90%);
  }
  .sk-intro .short {
    display: none;
  }
  @container cw-frame (max-width: 40em) {
    .sk-intro .short {
      display: block;
    }
  }

  /*
   * The cards, in the product list's grid: six (two rows of three, three rows of two), four in one
   * column; about a usual catalog's height, so the frame grows or shrinks by little when the products come.
   */
  .sk-cards {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
  }
  .sk-card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  @container cw-frame (max-width: 30.5em) {
    .sk-card:nth-child(n + 5) {
      display: none;
    }
  }
  .sk-title {
    display: flex;
    align-items: center;
    gap: var(--_gap);
  }
  .bone.icon {
    flex: none;
    width: 32px;
    height: 32px;
    border-radius: 6px;
  }
  .bone.headline {
    width: 55%;
    height: 1.1em;
  }
  .sk-text {
    margin-bottom: var(--_gap);
  }
  .bone.price {
    width: 50%;
    margin-bottom: calc(var(--_gap) + 0.25em);
  }
  .bone.pill {
    width: 7em;
    height: 1.5em;
    border-radius: 999px;
  }
  .bone.button {
    height: 44px;
    border-radius: var(--_radius);
  }
  .sk-actions {
    margin-top: var(--_gap);
  }
  .sk-actions .bone.button {
    width: 8em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      background-image: linear-gradient(90deg, transparent 0, var(--_sheen) 50%, transparent 100%);
      background-size: 200% 100%;
      background-repeat: no-repeat;
      animation: cw-shimmer 1.6s ease-in-out infinite;
    }
    /* The sheen reads the way the text does. */
    [dir='rtl'] .bone {
      animation-direction: reverse;
    }
  }
  @keyframes cw-shimmer {
    from {
      background-position: 150% 0;
    }
    to {
      background-position: -50% 0;
    }
  }
`;
