// Types for current-build.js (used from TypeScript by bench/startup.ts and test/cli/lazy-loading.test.ts).
export declare const SRC: string;
export declare const DIST: string;
export declare const BUILD_STAMP: string;
/** The file: URL of dist/<file> when dist/ holds a current build of src/, otherwise null. */
export declare function compiledEntry(file: string): string | null;
