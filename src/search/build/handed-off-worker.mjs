// The thread in which scripts/build.mjs indexes the records handed over by Astro's process
// (pagefind.mjs, `startHandedOff`): a heap of its own, kept small, beside Astro's.
import { parentPort, workerData } from 'node:worker_threads';
import { startIndex, recordsIn } from './pagefind.mjs';

const { file, bundle } = workerData;
// A large archive: Pagefind writes its bundle itself, which is never held whole in memory.
const started = startIndex(recordsIn(file), bundle, { replace: true });
parentPort?.once('message', async (command) => {
  try {
    if (command === 'write') parentPort?.postMessage({ written: await started.write() });
    else {
      await started.stop();
      parentPort?.postMessage({ stopped: true });
    }
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
