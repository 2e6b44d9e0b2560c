import type { Env as WorkerEnv } from '../src/app-env.ts';

declare global {
  namespace Cloudflare {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the Worker's bindings into `env`
    interface Env extends WorkerEnv {}
    interface GlobalProps {
      mainModule: typeof import('../src/index.ts');
    }
  }
}
