declare const __CW_VERSION__: string;

/** This build's version, from package.json. */
export const VERSION: string = typeof __CW_VERSION__ === 'string' ? __CW_VERSION__ : '0.0.0-dev';
