// The architecture's direction of dependency, held by lint (`npm run lint` runs this after
// ESLint; README "Architecture"):
//
//   components, app ─► lib/react ─► lib/session ─► lib/gestures ─► lib/doc ─► lib/model
//                                        └─► lib/sync (provider, offline copy) ─┘
//   components may name lower layers' types and read the gesture table (keys, buttons)
//                                  (pure helpers: lib/view, lib/insights, lib/i18n, lib/export,
//                                   lib/examples, lib/api, lib/*.ts: below React, beside doc)
//   server ─► lib (never lib/react, lib/session, components or the browser's sync client)
//
// and no import cycle anywhere, `import type` included: a type-only cycle still makes two
// modules that cannot be read, tested or moved apart. Each rule names the layer it keeps out.
/** Paths of a layer, as dependency-cruiser regular expressions (relative to the repository). */
const COMPONENTS = '^(components|app)/';
const REACT = '^lib/react/';
const SESSION = '^lib/session/';
const SYNC = '^lib/sync/';
const GESTURES = '^lib/gestures/';
const DOC = '^lib/doc/';
const MODEL = '^lib/model/';
const PURE = '^lib/(view|insights|i18n|export|examples|api)/|^lib/[^/]+\\.ts$';
const SERVER = '^server/';
/** The wire's shared constants (close codes, the clock header): the server must agree on them. */
const WIRE_CONSTANTS = '^lib/sync/(refused|server-clock)\\.ts$';

const UI_PACKAGES = 'node_modules/(react|react-dom|react-konva|konva|next|@tiptap)/';
const NETWORK_PACKAGES = 'node_modules/(y-websocket|ws|y-indexeddb)/';

/** A rule that forbids `from` importing any of `to`. */
const forbid = (name, comment, from, to, pathNot) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: pathNot ? { path: to, pathNot } : { path: to },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Break the cycle: move what both sides need into a module of its own, lower down.',
      from: {},
      to: { circular: true },
    },
    forbid(
      'model-is-the-bottom',
      'lib/model is records, rules and constants: it imports no other layer and no UI or network.',
      MODEL,
      `${GESTURES}|${DOC}|${SYNC}|${SESSION}|${REACT}|${COMPONENTS}|${SERVER}|${PURE}|${UI_PACKAGES}|${NETWORK_PACKAGES}`,
    ),
    forbid(
      'doc-reads-only-the-model',
      'lib/doc (one Yjs transaction per gesture) knows the model only: no UI, network or session.',
      DOC,
      `${GESTURES}|${SYNC}|${SESSION}|${REACT}|${COMPONENTS}|${SERVER}|${PURE}|${UI_PACKAGES}|${NETWORK_PACKAGES}`,
    ),
    forbid(
      'pure-helpers-stay-pure',
      'lib/view, insights, i18n, export, examples, api: pure functions, no React, session or socket.',
      PURE,
      `${GESTURES}|${SYNC}|${SESSION}|${REACT}|${COMPONENTS}|${SERVER}|${UI_PACKAGES}|${NETWORK_PACKAGES}`,
    ),
    forbid(
      'sync-is-below-the-session',
      'lib/sync (the provider, offline copy) is driven by the session, never the other way.',
      SYNC,
      `${GESTURES}|${SESSION}|${REACT}|${COMPONENTS}|${SERVER}|${UI_PACKAGES}`,
    ),
    forbid(
      'gestures-are-plain',
      'lib/gestures (the table and its policies) runs on documents: no React, session or socket.',
      GESTURES,
      `${SYNC}|${SESSION}|${REACT}|${COMPONENTS}|${SERVER}|${UI_PACKAGES}|${NETWORK_PACKAGES}`,
    ),
    forbid(
      'session-has-no-react',
      'lib/session is plain TypeScript that a unit test drives without React.',
      SESSION,
      `${REACT}|${COMPONENTS}|${SERVER}|${UI_PACKAGES}`,
    ),
    forbid(
      'hooks-below-components',
      'lib/react binds the session to React; components use it, it never uses them.',
      REACT,
      `${COMPONENTS}|${SERVER}`,
    ),
    {
      ...forbid(
        'components-through-lib-react',
        'Components read and write the board through lib/react, never the document, Yjs, the ' +
          "socket or the session directly. They may name a lower layer's types (what a hook " +
          'returns), which run nothing, and read the gesture table, which declares how the ' +
          'interface offers each gesture (keys, help rows, buttons).',
        '^components/',
        `${DOC}|${SYNC}|${SESSION}|${SERVER}|node_modules/(yjs|y-websocket|y-protocols|y-indexeddb)/`,
      ),
      to: {
        path: `${DOC}|${SYNC}|${SESSION}|${SERVER}|node_modules/(yjs|y-websocket|y-protocols|y-indexeddb)/`,
        dependencyTypesNot: ['type-only'],
      },
    },
    forbid(
      'server-uses-lib-not-the-client',
      'The server shares the model and the document functions, not the browser side.',
      SERVER,
      `${COMPONENTS}|${REACT}|${SESSION}|${GESTURES}|${SYNC}|${UI_PACKAGES.replace('next|', '')}`,
      WIRE_CONSTANTS,
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next)/' },
    // Count `import type` too (see the top of this file).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
