import type { Messages } from './en.js';

/** A host's own wording for any message, e.g. "seats" for "licenses"; nested groups may be given in part. */
export type StringOverrides = {
  [K in keyof Messages]?: Messages[K] extends string | ((...args: never[]) => string) ? Messages[K] : Partial<Messages[K]>;
};

/**
 * Lays overrides over a locale's messages: a host's own wording, or a regional
 * locale's differences from its language (`fr-CA` over `fr`). An override of
 * the wrong kind (text where a function is expected, say) is ignored, so a typo
 * in the host's configuration never breaks the widget.
 */
export function withOverrides(base: Messages, overrides: StringOverrides): Messages {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const original = (base as Record<string, unknown>)[key];
    if (value === undefined || typeof value !== typeof original) continue;
    out[key] = typeof value === 'object' && value ? withOverrides(original as Messages, value as StringOverrides) : value;
  }
  return out as Messages;
}
