/**
 * widget.js must stay small enough to embed anywhere: at most 10 KB gzip, measured on the file the
 * Worker serves (the build writes it, this test reads it back).
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildWidget, WIDGET_BUNDLE } from '../../scripts/build-widget.ts';

const BUDGET_BYTES = 10 * 1024;

describe('widget.js', () => {
  it('is at most 10 KB gzip as built', async () => {
    await buildWidget();
    const { widgetJs } = (await import(`${WIDGET_BUNDLE}?t=${Date.now()}`)) as { widgetJs: string };
    const onDisk = await readFile(WIDGET_BUNDLE, 'utf8');
    expect(onDisk).toContain(JSON.stringify(widgetJs));
    expect(gzipSync(widgetJs).length).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("carries none of the Worker's parameter schema, nor valibot: the client imports their types only", async () => {
    // The schema with valibot is about 3 KB gzip, which the budget above has no room for.
    const { widgetJs } = (await import(`${WIDGET_BUNDLE}?t=${Date.now()}`)) as { widgetJs: string };
    expect(widgetJs).not.toContain('~standard'); // the member every valibot schema carries
    expect(widgetJs).not.toContain('must be given once'); // a message of src/api/query-parameters.ts
  });

  it('registers <arabic-search> and exports the API client', async () => {
    const { widgetJs } = (await import(`${WIDGET_BUNDLE}?t=${Date.now()}`)) as { widgetJs: string };
    expect(widgetJs).toContain('customElements.define("arabic-search"');
    expect(widgetJs).toMatch(/export\{[^}]*\bcreateClient\b/);
  });
});
