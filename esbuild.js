// Builds the extension (two bundles: a light activation bundle and the lazily loaded
// network core) and, with --tests, transpiles src/ and test/ file by file into out/.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Problem-matcher friendly logging (matches the esbuild watch matcher). */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/** `require('./core.js')` in the activation bundle stays a runtime require of the sibling bundle. */
const lazyCorePlugin = {
  name: 'lazy-core',
  setup(build) {
    build.onResolve({ filter: /^\.\/core\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Marks the first and last statement of dist/extension.js, so the extension can report how
 * long its module took to load (src/common/activationTimes.ts). "use strict" stays first.
 */
const loadClock = {
  banner: { js: '"use strict";var __notionAssetsLoadStart=performance.now();' },
  footer: { js: 'var __notionAssetsLoadEnd=performance.now();' },
};

/**
 * `import * as vscode from 'vscode'` in each of ~20 files would each copy the whole API
 * namespace (~350 getters, esbuild's __toESM) while dist/extension.js loads: measured at 4–6 ms
 * of a 5–7 ms module load in the extension host. One virtual module re-exports the API once
 * and every file shares it (about 0.3 ms).
 */
const vscodeOncePlugin = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' });
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
  },
};

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

async function main() {
  if (tests) {
    // TEST_OUT lets several builds run side by side without clobbering each other.
    const outdir = process.env.TEST_OUT || 'out';
    fs.rmSync(outdir, { recursive: true, force: true });
    await esbuild.build({
      entryPoints: [...walk('src'), ...walk('test')],
      outdir,
      outbase: '.',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'warning',
    });
    return;
  }
  const common = {
    bundle: true,
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'silent',
    metafile: true,
    plugins: watch ? [problemMatcherPlugin, lazyCorePlugin, vscodeOncePlugin] : [lazyCorePlugin, vscodeOncePlugin],
  };
  const ctxs = await Promise.all([
    esbuild.context({ ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', ...loadClock }),
    esbuild.context({ ...common, entryPoints: { core: 'src/core/index.ts' }, outdir: 'dist' }),
  ]);
  if (watch) {
    await Promise.all(ctxs.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(ctxs.map((c) => c.rebuild()));
  await Promise.all(ctxs.map((c) => c.dispose()));
  for (const r of results) {
    for (const [file, info] of Object.entries(r.metafile.outputs)) {
      if (file.endsWith('.js')) console.log(`bundle ${file}: ${(info.bytes / 1024).toFixed(1)} KiB`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
