// The project promises Node 20.19 or later (package.json "engines"): no locked package may require a newer Node,
// or `npm ci` warns (EBADENGINE) and the package may use what Node 20 lacks. cookie@2 and content-disposition@3
// (through Fastify's plugins) did, until they were pinned to lines that support Node 20.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import semver from 'semver';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  dev?: boolean;
}

const root = new URL('../../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, LockedPackage> };
const promised = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } }).engines.node;

describe('the locked packages and the Node versions the project promises', () => {
  it('promises Node 20.19 and later', () => {
    expect(semver.minVersion(promised)?.version).toBe('20.19.0');
  });

  it('locks no package whose engines exclude Node 20.19 or Node 24', () => {
    const excluding: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      const range = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
      if (!path || !range) continue;
      for (const node of ['20.19.0', '24.0.0']) {
        if (!semver.satisfies(node, range, { includePrerelease: true })) excluding.push(`${path}@${pkg.version} needs node ${range} (not ${node})`);
      }
    }
    expect(excluding).toEqual([]);
  });
});
