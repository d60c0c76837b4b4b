/**
 * The layering, checked by `npm run check:layers` (part of `npm test`). docs/architecture.md
 * explains it: lib/ decides (pure), components/ show, entrypoints/ wire them to the browser.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-is-pure',
      comment: 'lib/ calls no browser API: the entrypoints pass in what it needs.',
      severity: 'error',
      from: { path: '^lib/' },
      to: {
        path: '^(#i18n|node_modules/(wxt/dist/browser|webextension-polyfill|@wxt-dev/webextension-polyfill|@wxt-dev/i18n)|\\.wxt/i18n/index)',
      },
    },
    {
      name: 'lib-below-the-ui',
      comment: 'lib/ knows nothing of the entrypoints or the components that use it.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'components-only-show',
      comment: 'Components take props and call back; storage and messages are wired by the entrypoints.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(lib/(storage|messages)/|node_modules/(@wxt-dev/storage|wxt/dist/browser))' },
    },
    {
      name: 'tests-stay-in-tests',
      comment: 'Product, scripts and the simulated app never import from the tests.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt/types|demo-output)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
    },
  },
};
