/** Worker entry point: the index build-index wrote into src/generated/, and the live set's store. */
import * as generated from './generated/index-data.js';
import { createWorker } from './worker.ts';

export { LiveStore } from './live/live-store.ts';

export default createWorker(generated);
