/** Worker entry point: the index build-index wrote into src/generated/. */
import * as generated from './generated/index-data.js';
import { createWorker } from './worker.ts';

export default createWorker(generated);
