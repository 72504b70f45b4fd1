// The bundled example is what the README's quick start shows: it must validate clean and already be formatted.
import { describe, expect, it } from 'vitest';
import { gk } from './helpers.js';

const EXAMPLE = 'catalogs/examples/shiyan-county';

describe('catalogs/examples/shiyan-county', () => {
  it('validates with no problems at all', async () => {
    const r = await gk(['validate', '--format', 'json', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary).toMatchObject({ errors: 0, warnings: 0, files: 28 });
  });

  it('is in canonical form (gk fmt --check)', async () => {
    expect((await gk(['fmt', '--check', EXAMPLE])).code).toBe(0);
  });
});
