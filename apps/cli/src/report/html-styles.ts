/**
 * The inline style sheet of `report.html`: system fonts only (no web fonts, nothing fetched), readable
 * tables, coloured verdict badges, figures scaled to the page width, and a print-friendly layout.
 */
export const REPORT_CSS: string = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa;
  --supported: #1a7f37; --contradicted: #cf222e; --inconclusive: #9a6700; --failed: #6e7781; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--fg); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { border-bottom: 2px solid var(--line); margin-bottom: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 0 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
a { color: #0969da; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
pre { background: var(--bg-alt); padding: .6rem .8rem; overflow-x: auto; border-radius: 6px; }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.settings dt { color: var(--muted); }
dl.settings dd { margin: 0; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.summary li { padding: .3rem .7rem; border: 1px solid var(--line); border-radius: 6px; }
.summary strong { font-size: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); }
table.verdicts td:nth-child(2), table.verdicts td:nth-child(3), table.tests td:nth-child(6) { white-space: nowrap; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; }
.badge { display: inline-block; padding: .05rem .55rem; border-radius: 1rem; color: #fff; font-weight: 600;
  font-size: .85rem; white-space: nowrap; }
.badge.supported { background: var(--supported); }
.badge.contradicted { background: var(--contradicted); }
.badge.inconclusive { background: var(--inconclusive); }
.badge.failed { background: var(--failed); }
section.claim { border-top: 1px solid var(--line); padding-top: 1.2rem; margin-top: 2rem; }
.claim-id { color: var(--muted); }
.citation { margin: .3rem 0 .8rem; }
.error { border-left: 4px solid var(--contradicted); background: #ffebe9; padding: .5rem .8rem; }
figure.claim-figure { margin: 1rem 0; overflow-x: auto; }
figure.claim-figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .85rem; }
details.settings { margin: 0 0 1rem; }
details.settings summary { cursor: pointer; color: var(--muted); }
details.settings code { white-space: pre-wrap; word-break: break-all; }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem; border-top: 1px solid var(--line); }
@media print { section.claim { break-before: page; } a { color: inherit; } }
`;
