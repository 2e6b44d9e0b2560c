/**
 * The live set's source of truth: a SQLite-backed Durable Object holding, per article id, its
 * latest state (the article, or a retraction) with the change sequence at which it was written.
 * Each write request is one SQLite transaction; the Durable Object's output gate holds the RPC
 * answer until the transaction is durable, so an acknowledged write survives a crash.
 * Isolates read changes after the sequence they know (live-set.ts), a few thousand per call.
 */
import { DurableObject } from 'cloudflare:workers';
import type { StoredArticle } from '../search/index-format.ts';
import {
  MAX_LIVE_ARTICLES,
  type ChangeBatch,
  type LiveSetFull,
  type LiveChange,
  type WriteOperation,
  type WriteOutcome,
  type WriteResult,
} from './protocol.ts';

/** Changes per RPC answer: a batch of large articles stays far below the RPC message limit (32 MiB). */
export const CHANGES_PER_BATCH = 2000;

type Row = { id: string; sequence: number; article: string | null; hash: string | null };

/** Rolls a write's transaction back when the set would be over its limit. */
class SetFull extends Error {
  readonly held: number;
  constructor(held: number) {
    super(`the live set would hold ${held} articles`);
    this.held = held;
  }
}

export class LiveStore extends DurableObject {
  readonly #sql: SqlStorage;
  readonly #epoch: string;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as Cloudflare.Env);
    this.#sql = ctx.storage.sql;
    this.#sql.exec(`CREATE TABLE IF NOT EXISTS entries (
      id TEXT PRIMARY KEY,
      sequence INTEGER NOT NULL UNIQUE,
      article TEXT,
      hash TEXT
    )`);
    this.#sql.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.#sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?), ('sequence', '0')", crypto.randomUUID());
    this.#epoch = this.#meta('epoch');
  }

  #meta(key: string): string {
    return this.#sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).one().value;
  }

  /** Applies the operations in order, in one transaction: all of them are committed, or none (a full set). */
  write(operations: readonly WriteOperation[]): WriteResult[] | LiveSetFull {
    try {
      return this.#writeAll(operations);
    } catch (error) {
      if (error instanceof SetFull) return { full: true, held: error.held };
      throw error;
    }
  }

  #writeAll(operations: readonly WriteOperation[]): WriteResult[] {
    return this.ctx.storage.transactionSync(() => {
      let sequence = Number(this.#meta('sequence'));
      const results: WriteResult[] = [];
      for (const operation of operations) {
        const id = operation.kind === 'upsert' ? operation.article.id : operation.id;
        const row = this.#sql.exec<{ live: number }>('SELECT article IS NOT NULL AS live FROM entries WHERE id = ?', id).toArray()[0];
        let outcome: WriteOutcome;
        if (operation.kind === 'upsert') {
          outcome = row === undefined ? (operation.inBase ? 'replaced' : 'created') : row.live === 1 ? 'replaced' : 'created';
        } else {
          outcome = row === undefined ? (operation.inBase ? 'retracted' : 'unknown') : 'retracted';
          // Retracting what is already retracted writes nothing: the answer is the same.
          if (row !== undefined && row.live === 0) {
            results.push({ id, outcome, sequence });
            continue;
          }
        }
        if (outcome === 'unknown') {
          results.push({ id, outcome, sequence });
          continue;
        }
        sequence++;
        const [article, hash] = operation.kind === 'upsert' ? [JSON.stringify(operation.article), operation.hash] : [null, null];
        this.#sql.exec(
          'INSERT INTO entries (id, sequence, article, hash) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, article = excluded.article, hash = excluded.hash',
          id,
          sequence,
          article,
          hash,
        );
        results.push({ id, outcome, sequence });
      }
      this.#sql.exec("UPDATE meta SET value = ? WHERE key = 'sequence'", String(sequence));
      const held = this.#sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM entries WHERE article IS NOT NULL').one().n;
      // Thrown inside the transaction: nothing of this request is committed.
      if (held > MAX_LIVE_ARTICLES) throw new SetFull(held);
      return results;
    });
  }

  /**
   * Forgets entries the embedded index now holds with the same content (a build folded them in):
   * each only if it is still at that sequence, so a later correction is never lost. Retractions
   * stay: an isolate that saw the article must still see it go.
   */
  forget(folded: readonly { id: string; sequence: number }[]): number {
    return this.ctx.storage.transactionSync(() => {
      let forgotten = 0;
      for (const { id, sequence } of folded) {
        forgotten += this.#sql.exec('DELETE FROM entries WHERE id = ? AND sequence = ? AND article IS NOT NULL', id, sequence).rowsWritten;
      }
      return forgotten;
    });
  }

  /** Changes after `since` for a reader of `epoch`; everything (from the start) for a reader of another epoch. */
  changes(epoch: string, since: number): ChangeBatch {
    const full = epoch !== this.#epoch;
    const after = full ? 0 : since;
    const sequence = Number(this.#meta('sequence'));
    const rows = this.#sql
      .exec<Row>('SELECT id, sequence, article, hash FROM entries WHERE sequence > ? ORDER BY sequence LIMIT ?', after, CHANGES_PER_BATCH + 1)
      .toArray();
    const more = rows.length > CHANGES_PER_BATCH;
    const changes: LiveChange[] = rows.slice(0, CHANGES_PER_BATCH).map((row) => ({
      id: row.id,
      sequence: row.sequence,
      article: row.article === null ? null : (JSON.parse(row.article) as StoredArticle),
      hash: row.hash,
    }));
    return { epoch: this.#epoch, sequence, full, changes, more };
  }
}
