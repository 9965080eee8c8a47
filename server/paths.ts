// Where the server finds files shipped with the repository (the driver's phone page). It runs
// from server/ under tsx in development and from out/node/server/ when built: the repository
// root is the first folder upwards holding package.json, in both.
import fs from 'node:fs';
import path from 'node:path';

export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}
