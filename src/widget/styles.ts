/**
 * The widget's stylesheet, adopted by its shadow root. Logical properties only (inline/block,
 * never left/right), so the same rules lay out RTL and LTR. Everything a site may want to change
 * is a custom property (`--as-*`) or a `::part()`. `all:initial` on the host stops the page's
 * inherited text styles (letter-spacing, text-transform, line-height…) at the boundary.
 */
const DARK = `--as-bg:#1d1f24;--as-fg:#eceef2;--as-muted:#a9adb8;--as-border:#4a4e59;
--as-accent:#8ab4f8;--as-active:#2a3446;--as-mark:#6b5500;--as-mark-fg:#fff6d5;
--as-shadow:0 .5rem 1.5rem #0009;--as-backdrop:#000a;color-scheme:dark`;

export const WIDGET_CSS = `
:host{
all:initial;
--as-font:system-ui,"Noto Sans Arabic","Segoe UI",Tahoma,sans-serif;
--as-radius:.6rem;
--as-bg:#fff;--as-fg:#1b1b1f;--as-muted:#55565f;--as-border:#b9bac4;
--as-accent:#0b57d0;--as-active:#e8f0fe;--as-mark:#ffe27a;--as-mark-fg:#1b1b1f;
--as-shadow:0 .5rem 1.5rem #0003;--as-backdrop:#0007;
display:block;position:relative;color-scheme:light;accent-color:var(--as-accent);
font:1rem/1.6 var(--as-font);color:var(--as-fg);text-align:start}
:host([theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host([theme=auto]){${DARK}}}
[hidden]{display:none!important}
*{box-sizing:border-box}
.as-form{position:relative;margin:0;display:flex;gap:.4rem}
.as-q{position:relative;flex:1;min-inline-size:0}
.as-input{display:block;inline-size:100%;margin:0;font:inherit;color:var(--as-fg);background:var(--as-bg);
border:1px solid var(--as-border);border-radius:var(--as-radius);
padding-block:.6rem;padding-inline:1rem 2.5rem;appearance:none}
.as-input::placeholder{color:var(--as-muted);opacity:1}
:focus-visible{outline:3px solid var(--as-accent);outline-offset:1px}
.as-btn,.as-ctl{font:inherit;color:var(--as-accent);background:var(--as-bg);border:1px solid var(--as-border);border-radius:var(--as-radius);
padding-block:.3rem;padding-inline:.8rem;cursor:pointer}
.as-ctl{color:var(--as-fg);border-radius:.3rem;padding-inline:.4rem;font-size:.9rem}
.as-spin{position:absolute;inset-block-start:50%;inset-inline-end:.9rem;inline-size:1rem;block-size:1rem;margin-block-start:-.5rem;
border:2px solid var(--as-border);border-block-start-color:var(--as-accent);border-radius:50%;opacity:0;pointer-events:none}
[data-busy] .as-spin{opacity:1;transition:opacity 0s .15s;animation:as-spin .8s linear infinite}
@keyframes as-spin{to{transform:rotate(1turn)}}
.as-filters{display:flex;flex-wrap:wrap;gap:.6rem 2rem;margin-block-start:.4rem;padding-block:.6rem;padding-inline:1rem;font-size:.9rem;
background:var(--as-bg);border:1px solid var(--as-border);border-radius:var(--as-radius)}
.as-fs{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .8rem;border:0;margin:0;padding:0;min-inline-size:0}
legend{padding:0;font-weight:700}
.as-srcs{display:flex;flex-direction:column}
.as-src,.as-lbl{display:inline-flex;align-items:center;gap:.4rem;cursor:pointer}
.as-n,.as-note{color:var(--as-muted);margin:0}
.as-panel{position:absolute;z-index:2147483000;inset-inline:0;inset-block-start:calc(100% + .3rem);
max-block-size:min(70vh,32rem);overflow:auto;overscroll-behavior:contain;
background:var(--as-bg);color:var(--as-fg);border:1px solid var(--as-border);border-radius:var(--as-radius);box-shadow:var(--as-shadow)}
.as-msg{margin:0;padding-block:.5rem;padding-inline:1rem;color:var(--as-muted);font-size:.875rem}
.as-msg:empty{display:none}
.as-msg button{font:inherit;color:var(--as-accent);background:none;border:0;padding:0;margin-inline:.4rem;text-decoration:underline;cursor:pointer}
[data-busy] .as-list{opacity:.6}
.as-head{padding-block:.4rem .1rem;padding-inline:1rem;font-size:.8rem;color:var(--as-muted);border-block-start:1px solid var(--as-border)}
.as-opt{display:block;padding-block:.55rem;padding-inline:1rem;cursor:pointer;color:inherit;text-decoration:none;
border-inline-start:3px solid transparent}
.as-opt:hover{background:var(--as-active)}
.as-opt[aria-selected=true]{background:var(--as-active);border-inline-start-color:var(--as-accent);outline:2px solid var(--as-accent);outline-offset:-2px}
.as-more,.as-clear{color:var(--as-accent);font-size:.9rem;font-weight:700}
.as-title{display:block;font-weight:700;color:var(--as-accent)}
.as-meta{display:block;font-size:.8rem;color:var(--as-muted)}
.as-snip{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;font-size:.9rem}
mark{background:var(--as-mark);color:var(--as-mark-fg);border-radius:.2em;padding-inline:.1em}
.as-trigger{display:flex;align-items:center;justify-content:space-between;gap:1rem;inline-size:100%;padding-block:.6rem;padding-inline:1rem;color:var(--as-muted)}
.as-kbd{font:inherit;font-size:.8rem;direction:ltr;unicode-bidi:isolate;border:1px solid var(--as-border);border-radius:.3rem;padding-inline:.4rem}
.as-x{font-size:1.3rem;line-height:1}
.as-dialog{inline-size:42rem;max-inline-size:calc(100% - 2rem);max-block-size:min(85vh,44rem);margin-block:8vh auto;padding:1rem;
color:var(--as-fg);background:var(--as-bg);border:1px solid var(--as-border);border-radius:var(--as-radius);box-shadow:var(--as-shadow)}
.as-dialog[open],.as-dialog .as-box{display:flex;flex-direction:column;min-block-size:0}
.as-dialog .as-box{flex:1}
.as-dialog .as-panel{position:static;flex:0 1 auto;min-block-size:0;max-block-size:none;margin-block-start:.5rem;box-shadow:none}
.as-dialog::backdrop{background:var(--as-backdrop)}
@media (max-width:40rem){.as-dialog{inline-size:100%;max-inline-size:none;block-size:100%;max-block-size:none;margin:0;border:0;border-radius:0}}
.as-sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-reduced-motion:reduce){[data-busy] .as-spin{animation-duration:3s}}
`;
