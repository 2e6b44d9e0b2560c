// The part of autocannon 9's API that bench/load.ts uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    total: number;
    max: number;
    p50: number;
    p97_5: number;
    p99: number;
  }
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  export interface Options {
    url: string;
    connections: number;
    duration: number;
    timeout: number;
    requests: { setupRequest: (request: Request) => Request }[];
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
