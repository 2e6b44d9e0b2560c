import { exports } from 'cloudflare:workers';
import type { SearchHit, SearchResponse } from '../../src/search/search-articles.ts';

export const BASE = 'http://search.test';

/** A request through the Worker's real entry point, as a client would send it. */
export function get(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

export function search(params: Record<string, string | string[]>): Promise<Response> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) query.append(name, v);
  }
  return get(`/api/search?${query}`);
}

export type { SearchHit as Hit };

/** The JSON body of GET /api/search. */
export interface SearchBody extends SearchResponse {
  query: string;
  offset: number;
  limit: number;
  hits: SearchHit[];
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  parameter?: string;
}

export const SEED_IDS = ['000_02fe02eaac33e47f', '001_1e7204591e24c5fd', '002_77bb04e589020bf5', '003_32ecbbe01d0f8e3f', '004_982c28391604204f'];
