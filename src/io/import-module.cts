// import() of a module gk does not ship (a government's local rule), in a CommonJS file of its own on purpose: the
// bundled command line is compiled with V8's code cache (src/io/code-cache.ts), and on Node 20 an import() in code
// taken from a code cache fails ("A dynamic import callback was not specified"). This file is never bundled or
// cached: callers require it by its place in dist/ (see `importModule` in files.ts), so its import() is Node's own.
function importModule(url: string): Promise<unknown> {
  return import(url);
}

export = { importModule };
