// Our own part of activation, split the way "Developer: Show Running Extensions" splits it:
// loading dist/extension.js (its first statement to its last, marked by the banner and footer
// esbuild.js writes around the bundle) and activate() until its promise resolves. The host
// tier reads it from the module's exports (activation.test.ts); the log gets it at debug level.

// Set by esbuild.js's banner/footer in dist/extension.js; absent when the sources run unbundled.
declare const __notionAssetsLoadStart: number | undefined;
declare const __notionAssetsLoadEnd: number | undefined;

export interface ActivationTimes {
  /** Evaluating dist/extension.js (undefined when not bundled). Reading and compiling the file come before and are the host's. */
  readonly moduleLoadMs: number | undefined;
  /** From entering activate() to the moment its promise resolves. */
  readonly activateMs: number;
}

export function measureActivation(activateStarted: number): ActivationTimes {
  const moduleLoadMs = typeof __notionAssetsLoadStart === 'number' && typeof __notionAssetsLoadEnd === 'number'
    ? __notionAssetsLoadEnd - __notionAssetsLoadStart
    : undefined;
  return { moduleLoadMs, activateMs: performance.now() - activateStarted };
}

export function describeActivation(t: ActivationTimes): string {
  const load = t.moduleLoadMs === undefined ? 'not bundled' : `${t.moduleLoadMs.toFixed(1)} ms`;
  return `activation: module load ${load}, activate() ${t.activateMs.toFixed(1)} ms`;
}
