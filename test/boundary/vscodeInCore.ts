// Only reached through tsconfig.core.json's `paths`, when a file in src/core imports 'vscode':
// the type error below is how `npm run check-types` reports it. (Excluded from tsconfig.json.)
export {};
const rule: 'src/core must not import vscode: it runs under plain Node' = 'violated';
