/**
 * The layering, checked by `npm run check:layers` (part of `npm test`). docs/architecture.md
 * explains it: lib/ decides (pure), components/ show, entrypoints/ wire them to the browser.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-is-pure',
      comment:
        'lib/ calls no browser API: the entrypoints pass in what it needs. Every package that touches the browser: wxt (its browser, utils and testing), the polyfills, @wxt-dev/browser, @wxt-dev/i18n and #i18n, @wxt-dev/storage (lib/storage/ alone, below).',
      severity: 'error',
      from: { path: '^lib/' },
      to: {
        path: '^(#i18n|\\.wxt/i18n/index|node_modules/(wxt/|webextension-polyfill/|@wxt-dev/(webextension-polyfill|i18n|browser)/))',
      },
    },
    {
      name: 'storage-api-in-lib-storage-alone',
      comment:
        'Only lib/storage/ uses @wxt-dev/storage: items, versions and migrations are declared in one place.',
      severity: 'error',
      from: { pathNot: '^lib/storage/' },
      to: { path: '^node_modules/@wxt-dev/storage/' },
    },
    // The floors of docs/architecture.md: a lib folder imports its own floor's neighbours named here
    // and the floors below, never one above. Floor 0: types.ts, limits.ts and privacy.ts.
    {
      name: 'floor-0-imports-nothing',
      comment: 'lib/types.ts, lib/limits.ts and lib/privacy.ts are the bottom floor: they import nothing.',
      severity: 'error',
      from: { path: '^lib/(types|limits|privacy)\\.ts$' },
      to: { pathNot: '^node_modules/' },
    },
    {
      name: 'floor-1-schemas-environments',
      comment: 'lib/schemas.ts and lib/environments.ts import only the bottom floor (and valibot).',
      severity: 'error',
      from: { path: '^lib/(schemas|environments)\\.ts$' },
      to: { path: '^lib/', pathNot: '^lib/(types|limits|privacy)\\.ts$' },
    },
    {
      name: 'floor-2-detect',
      comment: 'lib/detect/ reads pages by the rules alone: it imports the bottom floor and itself.',
      severity: 'error',
      from: { path: '^lib/detect/' },
      to: { path: '^lib/', pathNot: '^lib/(detect/|types\\.ts$|limits\\.ts$|privacy\\.ts$)' },
    },
    {
      name: 'floor-2-state',
      comment:
        'lib/state/ (merge, verdict, profile, records per company) imports detect beside it and the bottom floor.',
      severity: 'error',
      from: { path: '^lib/state/' },
      to: { path: '^lib/', pathNot: '^lib/(state/|detect/|types\\.ts$|limits\\.ts$|privacy\\.ts$)' },
    },
    {
      name: 'floor-3-storage',
      comment:
        'lib/storage/ keeps what state and detect decide; it knows nothing of messages, guidance, hint or report.',
      severity: 'error',
      from: { path: '^lib/storage/' },
      to: { path: '^lib/(messages|guidance|hint|report|picker)/' },
    },
    {
      name: 'floor-3-messages',
      comment:
        'lib/messages/ (schemas, admission, dispatch) imports the schemas, origins, the teaching check (to refuse a personal label again) and the bottom floor.',
      severity: 'error',
      from: { path: '^lib/messages/' },
      to: {
        path: '^lib/',
        pathNot:
          '^lib/(messages/|state/teachable\\.ts$|schemas\\.ts$|environments\\.ts$|types\\.ts$|limits\\.ts$|privacy\\.ts$)',
      },
    },
    {
      name: 'floor-3-guidance',
      comment:
        'lib/guidance/ turns verdicts into steps and words: state, origins, the rules (the path of the list of settings) and the bottom floor.',
      severity: 'error',
      from: { path: '^lib/guidance/' },
      to: {
        path: '^lib/',
        pathNot:
          '^lib/(guidance/|state/|detect/rules\\.ts$|environments\\.ts$|types\\.ts$|limits\\.ts$|privacy\\.ts$)',
      },
    },
    {
      name: 'floor-4-hint',
      comment:
        'lib/hint/ reads raw storage by its keys alone (the validators do not fit the content script), state and detect.',
      severity: 'error',
      from: { path: '^lib/hint/' },
      to: {
        path: '^lib/',
        pathNot: '^lib/(hint/|storage/keys\\.ts$|state/|detect/|types\\.ts$|limits\\.ts$|privacy\\.ts$)',
      },
    },
    {
      name: 'floor-4-picker',
      comment:
        'lib/picker/ (pick mode) reads labels as detection does, checks them as state says, and speaks the protocol.',
      severity: 'error',
      from: { path: '^lib/picker/' },
      to: {
        path: '^lib/',
        pathNot:
          '^lib/(picker/|detect/|state/|messages/protocol\\.ts$|types\\.ts$|limits\\.ts$|privacy\\.ts$)',
      },
    },
    {
      name: 'floor-4-report',
      comment:
        'lib/report/ is the top floor: it may read every floor below but storage, messages, hint and picker.',
      severity: 'error',
      from: { path: '^lib/report/' },
      to: { path: '^lib/(storage|messages|hint|picker)/' },
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
