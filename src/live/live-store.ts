/**
 * The live set's source of truth: a SQLite-backed Durable Object holding, per article id, its
 * latest state (the article, or a retraction) with the change sequence at which it was written.
 * Each write request is one SQLite transaction; the Durable Object's output gate holds the RPC
 * answer until the transaction is durable, so an acknowledged write survives a crash.
 * Isolates read changes after the sequence they know (live-set.ts), a few thousand per call.
 */
import { DurableObject } from 'cloudflare:workers';
import type { StoredArticle } from '../search/index-format.ts';
import type { ChangeBatch, LiveChange, WriteOperation, WriteOutcome, WriteResult } from './protocol.ts';

/** Changes per RPC answer: a batch of large articles stays far below the RPC message limit (32 MiB). */
export const CHANGES_PER_BATCH = 2000;

type Row = { id: string; sequence: number; article: string | null; hash: string | null };

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

  /** Applies the operations in order, in one transaction: all of them are committed, or none. */
  write(operations: readonly WriteOperation[]): WriteResult[] {
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
      return results;
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
