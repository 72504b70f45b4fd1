// Build step: small, exact edits to the copy of a package that goes into dist/bundle/ (src/commands/bundle.ts), each
// keeping what the package does and changing only what it costs. An edit whose text is no longer found fails the
// build, so a new version of the package is looked at again rather than bundled unedited without notice.

export interface SourcePatch {
  /** Which module: its resolved path ends so (with forward slashes). */
  file: RegExp;
  /** Why, with what was measured. */
  why: string;
  /** Applied in order; each `from` must occur exactly `times` times in the function named `within` (or the file). */
  edits: ReadonlyArray<{ within?: string; from: string; to: string; times: number }>;
}

export const PATCHES: readonly SourcePatch[] = [
  {
    file: /\/node_modules\/js-yaml\/dist\/js-yaml\.mjs$/,
    why:
      'js-yaml 4 makes an Object.create(null) for every flow collection ([a, b] or {a: 1}) before it knows whether the ' +
      'collection holds a key: value pair, the only case that uses it. V8 gives such an object a dictionary of about ' +
      '1.7 KB, so a catalog with its channels, basis and levels written [a, b] spent two thirds of its parse ' +
      "allocations there (issue 12). Made on first use, the same object, so the parse is the same.",
    edits: [
      { within: 'readFlowCollection', from: 'const overridableKeys = /* @__PURE__ */ Object.create(null);', to: 'let overridableKeys = null;', times: 1 },
      {
        within: 'readFlowCollection',
        from: 'storeMappingPair(state, _result, overridableKeys,',
        to: 'storeMappingPair(state, _result, overridableKeys ??= /* @__PURE__ */ Object.create(null),',
        times: 1,
      },
      {
        within: 'readFlowCollection',
        from: 'storeMappingPair(state, null, overridableKeys,',
        to: 'storeMappingPair(state, null, overridableKeys ??= /* @__PURE__ */ Object.create(null),',
        times: 1,
      },
    ],
  },
  {
    file: /\/node_modules\/commander\/lib\/command\.js$/,
    why:
      'commander loads node:child_process when it is loaded, for the one case of a subcommand kept in a file of its ' +
      'own, which gk has none of. Loading it is about 5M instructions of every run (issue 12): taken when spawn is.',
    edits: [
      {
        from: "const childProcess = require('node:child_process');",
        to: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
        times: 1,
      },
      { from: 'childProcess.', to: 'childProcess.', times: 3 },
    ],
  },
];

/** The text of `function name(` … up to the next function at the same indentation: [start, end). */
function functionSpan(code: string, name: string): [number, number] {
  const re = new RegExp(`^([ \\t]*)function ${name}\\(`, 'm');
  const m = re.exec(code);
  if (!m) throw new Error(`function ${name} not found`);
  const next = new RegExp(`^${m[1]}function [A-Za-z_$][\\w$]*\\(`, 'm');
  const rest = code.slice(m.index + m[0].length);
  const n = next.exec(rest);
  return [m.index, n ? m.index + m[0].length + n.index : code.length];
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** `code` of module `id` with every patch for it applied; unchanged when none is for it. Throws when an edit does not fit. */
export function applyPatches(id: string, code: string, patches: readonly SourcePatch[] = PATCHES): string {
  const file = id.split('\\').join('/');
  for (const patch of patches) {
    if (!patch.file.test(file)) continue;
    for (const edit of patch.edits) {
      const [start, end] = edit.within === undefined ? [0, code.length] : functionSpan(code, edit.within);
      const body = code.slice(start, end);
      const found = count(body, edit.from);
      if (found !== edit.times) {
        throw new Error(`bundle patch for ${file}: expected ${edit.times} of "${edit.from}" in ${edit.within ?? 'the file'}, found ${found}; look at the package again`);
      }
      code = code.slice(0, start) + body.split(edit.from).join(edit.to) + code.slice(end);
    }
  }
  return code;
}

/**
 * The patches as a rolldown plugin. `unapplied()` after the build names the patches whose module was never bundled
 * (the package moved its code to another file): the caller fails the build on them too.
 */
export function patchPlugin(patches: readonly SourcePatch[] = PATCHES): { name: string; transform: (code: string, id: string) => string | null; unapplied: () => string[] } {
  const applied = new Set<SourcePatch>();
  return {
    name: 'gk-source-patches',
    transform(code, id) {
      const file = id.split('\\').join('/');
      for (const patch of patches) if (patch.file.test(file)) applied.add(patch);
      const out = applyPatches(id, code, patches);
      return out === code ? null : out;
    },
    unapplied: () => patches.filter((p) => !applied.has(p)).map((p) => String(p.file)),
  };
}
