/** Compiled in by scripts/build.mjs: true only in build/*-test. */
declare const __TEST__: boolean;
/** 'chrome' | 'firefox' in the extension, 'node' in the CLI. */
declare const __BROWSER__: string;
