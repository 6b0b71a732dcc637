import type { Result } from 'minify-literals';
export declare const shipsTemplates: (path: string, code: string) => boolean;
export declare const minifyTemplates: (code: string, path: string) => Promise<Result | null>;
