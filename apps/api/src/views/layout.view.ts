import { html, type SafeHtml } from '#mail';

/** Served from our own origin so the CSP needs no 'unsafe-inline'. */
export const STYLESHEET = `
:root { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; }
body { max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
header { border-bottom: 1px solid #ddd; margin-bottom: 1.5rem; }
header .org { font-size: 1.1rem; font-weight: 600; }
h1 { font-size: 1.6rem; }
label, legend { display: block; font-weight: 600; margin-top: 1.2rem; }
.hint { color: #555; font-weight: normal; font-size: .95em; display: block; }
input[type=text], input[type=email], input[type=tel], input[type=password], textarea { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 2px solid #555; border-radius: 4px; }
fieldset { border: none; padding: 0; margin: 0; }
.choice { display: flex; gap: .6rem; align-items: flex-start; margin: .5rem 0; }
.choice label { margin: 0; font-weight: normal; }
.choice input { margin-top: .35rem; }
details { font-size: .9em; color: #444; margin: .1rem 0 .3rem 1.6rem; }
blockquote { margin: .3rem 0; padding-left: .8rem; border-left: 3px solid #bbb; }
.error { color: #b00020; font-weight: 600; display: block; }
/* As specific as the input rules above, and after them: an invalid field's border turns red. */
input[aria-invalid=true], textarea[aria-invalid=true], select[aria-invalid=true] { border-color: #b00020; }
input[type=radio][aria-invalid=true], input[type=checkbox][aria-invalid=true], input[type=file][aria-invalid=true] { outline: 2px solid #b00020; outline-offset: 2px; }
.summary { border: 3px solid #b00020; padding: .5rem 1rem; margin: 1rem 0; }
.notice { border-left: 6px solid #1d70b8; padding: .5rem 1rem; background: #f3f7fb; }
.reference { font-size: 1.8rem; font-weight: 700; letter-spacing: .05em; }
button { font: inherit; font-weight: 600; padding: .6rem 1.2rem; margin-top: 1.5rem; background: #00703c; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button.secondary { background: #505a5f; }
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; }
dt { font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; border-bottom: 1px solid #ddd; padding: .3rem; vertical-align: top; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: .5rem; }
body:has(.staff-nav) { max-width: 72rem; }
.staff-nav { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: 1rem; }
.staff-nav form.inline { margin-left: auto; display: flex; gap: .5rem; align-items: center; }
button.link { background: none; color: #1d70b8; padding: 0; margin: 0; text-decoration: underline; font-weight: normal; }
.overdue { background: #fde2e1; }
.due-soon { background: #fff4ce; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; }
.filters label { margin-top: 0; font-weight: normal; }
.filters select, .filters input { font: inherit; padding: .3rem; }
.counts { display: flex; flex-wrap: wrap; gap: .3rem 1rem; padding: 0; list-style: none; }
.timeline li { margin: .5rem 0; }
.timeline pre { margin: .2rem 0; }
#actions section { border-top: 1px solid #ddd; margin-top: 1.5rem; }
select, input[type=file] { font: inherit; padding: .3rem; }
.alerts { border-left: 6px solid #b00020; background: #fdf1f1; padding: .5rem 1rem; margin: 1rem 0; }
.alerts h2 { font-size: 1.1rem; margin: .2rem 0; }
.alerts li { margin: .4rem 0; }
.alerts form.inline { display: inline; margin-left: .5rem; }
.failed-jobs .job-error { overflow-wrap: anywhere; }
.sender-content { border: 2px dashed #8a5a00; background: #fffaf0; padding: .5rem 1rem; margin: .5rem 0; }
.sender-content-label { font-size: .85em; font-weight: 600; color: #6b4500; margin: 0 0 .5rem; }
.mail-html, .mail-html * { font-size: 1rem; }
.mail-html .sender-heading { font-weight: 600; margin: .5rem 0 .2rem; }
.mail-html a { color: #6b4500; }
.mail-html a[href]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
a.button { display: inline-block; font-weight: 600; padding: .6rem 1.2rem; border-radius: 4px; color: #fff; background: #505a5f; text-decoration: none; }
button.danger { background: #b00020; }
#actions details { font-size: 1em; color: inherit; margin: 1.5rem 0 0; padding: .2rem .8rem; border: 1px solid #ccc; border-radius: 4px; }
#actions details > summary { cursor: pointer; font-weight: 600; padding: .3rem 0; }
#actions details.destructive { border-left: 6px solid #b00020; }
#actions details.destructive > summary { color: #b00020; }
`;

export function page(title: string, body: SafeHtml, organisationName?: string): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}${organisationName ? ` · ${organisationName}` : ''} · Rightsdesk</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header>${organisationName ? html`<p class="org">${organisationName}</p>` : html`<p class="org">Rightsdesk</p>`}</header>
<main>
${body}
</main>
</body>
</html>`.value;
}
