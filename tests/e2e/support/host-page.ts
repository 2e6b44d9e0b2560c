/**
 * A page of another origin that embeds the widget with the two documented lines, served by
 * node:http on a free port. It is hostile on purpose: LTR English by default, a strict CSP,
 * and CSS that would wreck any widget it could reach.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  origin: string;
  stop(): Promise<void>;
}

/** What a careless site stylesheet does; none of it may reach inside the widget. */
const HOSTILE_CSS = `
  body { font: 14px/3 Georgia, serif; color: red; letter-spacing: 4px; text-transform: uppercase; }
  input, ul, li, a, mark, div, span, p { display: none !important; color: lime !important; padding: 40px !important; }`;

/** A site's own colours, through the documented custom properties and parts. */
const THEME_CSS = `
  arabic-search { --as-accent: rgb(128, 0, 128); }
  arabic-search::part(mark) { background: rgb(0, 128, 0); }`;

/**
 * Query parameters of `/`: dir (ltr | rtl), plain (no hostile CSS, for screenshots), themed,
 * csp=0, field (a text field of the page's own before the widget), and attributes passed to the widget.
 */
const WIDGET_ATTRIBUTES = ['theme', 'digits', 'result-url', 'limit', 'mode', 'recent', 'sources'];

function page(workerOrigin: string, params: URLSearchParams): string {
  const dir = params.get('dir') === 'rtl' ? 'rtl' : 'ltr';
  const attributes = WIDGET_ATTRIBUTES.filter((name) => params.has(name))
    .map((name) => ` ${name}="${params.get(name)!.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}"`)
    .join('');
  return `<!doctype html>
<html lang="${dir === 'rtl' ? 'ar' : 'en'}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>Host page</title>
<style>
  body { margin: 2rem; background: ${params.get('theme') === 'dark' ? '#111' : '#f4f4f4'}; color: ${params.get('theme') === 'dark' ? '#eee' : '#222'}; font-family: system-ui, sans-serif; }
  main { max-width: 40rem; }
  ${params.has('plain') ? '' : HOSTILE_CSS}
  ${params.has('themed') ? THEME_CSS : ''}
</style>
<script type="module" src="${workerOrigin}/widget.js"></script>
</head>
<body>
<main>
<h1>${dir === 'rtl' ? 'صفحة مضيفة' : 'A host page'}</h1>
${params.has('field') ? '<label>Comment <textarea id="host-field"></textarea></label>' : ''}
<arabic-search endpoint="${workerOrigin}/api"${attributes}></arabic-search>
<h2>${dir === 'rtl' ? 'محتوى تحت الودجة' : 'Content below the widget'}</h2>
</main>
</body>
</html>`;
}

export async function startHostPage(workerOrigin: string): Promise<HostPage> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== '/') {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' };
    // What the docs tell a site with a CSP to allow: the Worker for the script and the API.
    // `?csp=0` serves no policy, so that injected markup would really run (the XSS tests).
    if (url.searchParams.get('csp') !== '0') {
      headers['Content-Security-Policy'] = `default-src 'none'; script-src ${workerOrigin}; connect-src ${workerOrigin}; style-src 'unsafe-inline'`;
    }
    response.writeHead(200, headers);
    response.end(page(workerOrigin, url.searchParams));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
