// A one-package npm registry on 127.0.0.1: serves the packument and tarball of packages packed by
// the test (`npm pack`), 404 for any other name, so `npx --yes NAME@VERSION` with
// npm_config_registry pointing here installs exactly that tarball and nothing else.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Published {
  /** The package.json of the packed package. */
  manifest: { name: string; version: string; [key: string]: unknown };
  tarball: string;
}

export async function startNpmRegistry(
  packages: Published[],
): Promise<{ url: string; requests: string[]; stop: () => Promise<void> }> {
  const requests: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    requests.push(`${req.method} ${url}`);
    for (const { manifest, tarball } of packages) {
      const file = `/${manifest.name}/-/${manifest.name}-${manifest.version}.tgz`;
      if (url === file) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(tarball));
        return;
      }
      if (url === `/${manifest.name}`) {
        const bytes = readFileSync(tarball);
        const version = {
          ...manifest,
          _id: `${manifest.name}@${manifest.version}`,
          dist: {
            tarball: `${base}${file}`,
            shasum: createHash('sha1').update(bytes).digest('hex'),
            integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
          },
        };
        const packument = {
          _id: manifest.name,
          name: manifest.name,
          'dist-tags': { latest: manifest.version },
          versions: { [manifest.version]: version },
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${base}/`, requests, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
