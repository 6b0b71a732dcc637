export declare function staticClosure(dir: string, file: string): string[];
export declare function dynamicImports(dir: string, files: string[]): string[];
export declare const nameOf: (file: string) => string;
export declare const entryOf: (dir: string) => string | undefined;
