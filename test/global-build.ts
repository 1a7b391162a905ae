// Tests that run the CLI or a worker as a separate process need the bundled Node code to match the sources.
import { buildNode } from '../scripts/build-node.mjs';

export default async function setup(): Promise<void> {
  await buildNode({ quiet: true });
}
