/**
 * The stylesheet and the one script of a rendered page, inline so the page is a single file, and their hashes for
 * the page's Content-Security-Policy (which then refuses every other script, style and any network request).
 */
import { createHash } from 'node:crypto';

/**
 * The page's stylesheet: screen, then print (every group expanded, no controls). A disabled item, and each item in a
 * disabled group, is greyed in the muted colour rather than made translucent: at half opacity its text fell to
 * 2–3.2:1 against the page, under WCAG AA's 4.5:1; the strike-through and the badges say it does not run. A badge
 * keeps to one line, but a move's, which holds the old path, wraps: on one line it ran past the item, which clips
 * what overflows it (content-visibility). A group's head is text after the triangle, not a flex box: as one (inline,
 * wrapping) a long name put the box on a line below the triangle and each part on its own line; as text the
 * triangle, the number and the start of the name share the first line, and the name wraps after them. A setting's
 * label column takes at most 40% of the list and its labels wrap (anywhere, for one long word): at its longest
 * label's width, one long label pushed the values out of the item, which clipped them.
 */
export const PAGE_CSS = `
:root{--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--add:#1a7f37;--add-bg:#dafbe1;--del:#cf222e;--del-bg:#ffebe9;--chg:#875e00;--chg-bg:#fff8c5;--mov:#0969da;--mov-bg:#ddf4ff}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:1rem 1.5rem 3rem;overflow-wrap:break-word}
a{color:#0969da}
a.skip{position:absolute;left:-999px}a.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.25rem .5rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.summary{color:var(--muted)}
.controls{position:sticky;top:0;background:var(--bg);padding:.5rem 0;z-index:1;border-bottom:1px solid var(--line)}
.controls input{font:inherit;padding:.3rem .5rem;width:min(32rem,100%);border:1px solid var(--line);border-radius:6px}
ol.tree,ol.tree ol{list-style:none;margin:0;padding-left:1.25rem}ol.tree{padding-left:0}
li.item{display:block;margin:.2rem 0;border-left:3px solid transparent;padding-left:.4rem}
li.item[hidden]{display:none}
ol.tree>li.item{content-visibility:auto;contain-intrinsic-size:auto 3rem}
.head,summary{display:flex;flex-wrap:wrap;gap:.1rem .5rem;align-items:baseline}
summary{cursor:pointer;list-style-position:inside}summary::marker{color:var(--muted)}
details>summary{display:list-item}details>summary>.h>*{margin-right:.25rem}details>summary>.h>.num{display:inline-block}
:focus-visible{outline:2px solid #0969da;outline-offset:2px}
.num{color:var(--muted);font-variant-numeric:tabular-nums;min-width:2.5rem}
.name{font-weight:600;min-width:0}.group>details>summary .name{font-size:1.02rem}
.type{color:var(--muted);font-size:.9em}
.badge{font-size:.75rem;border:1px solid var(--line);border-radius:1rem;padding:0 .45rem;background:var(--soft);white-space:nowrap}.badge.moved{white-space:normal;overflow-wrap:anywhere}
.body{margin:.1rem 0 .3rem 3rem;color:var(--fg)}
.body p{margin:.1rem 0}
.cond{color:#6639ba}.desc{color:var(--muted);font-style:italic}
dl.settings{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:0 .75rem;margin:.1rem 0}dl.settings dt{color:var(--muted);overflow-wrap:anywhere}dl.settings dd{margin:0;font-family:ui-monospace,SFMono-Regular,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere;white-space:pre-wrap}
li.disabled>.head,li.disabled>details>summary,li.disabled>.body,li.disabled>details>.body,li.off>.head,li.off>details>summary,li.off>.body,li.off>details>.body{color:var(--muted)}
li.disabled>.head .name,li.disabled>details>summary .name{text-decoration:line-through}
ul.findings{margin:.2rem 0;padding-left:1.1rem}
.finding.error{color:var(--del)}.finding.warning{color:var(--chg)}.finding.info{color:var(--muted)}
li.added{border-left-color:var(--add);background:var(--add-bg)}li.removed{border-left-color:var(--del);background:var(--del-bg)}
li.removed>.head .name,li.removed>details>summary .name{text-decoration:line-through}
li.changed{border-left-color:var(--chg);background:var(--chg-bg)}li.moved{border-left-color:var(--mov);background:var(--mov-bg)}
.badge.added{background:var(--add);color:#fff;border-color:var(--add)}.badge.removed{background:var(--del);color:#fff;border-color:var(--del)}
.badge.changed{background:var(--chg);color:#fff;border-color:var(--chg)}.badge.moved{background:var(--mov);color:#fff;border-color:var(--mov)}
table{border-collapse:collapse;width:100%;margin:.3rem 0}th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:var(--soft)}
table.usage th[scope=row]{min-width:min(16rem,30vw)}table.usage td.note{min-width:min(9rem,20vw)}
table.changes{width:auto;font-size:.9em;background:var(--bg)}del{background:var(--del-bg);color:var(--del)}ins{background:var(--add-bg);color:var(--add);text-decoration:none}
.banner{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;background:var(--soft)}
@media print{
body{max-width:none;padding:0;font-size:11px}
.controls,a.skip{display:none!important}
details::details-content{content-visibility:visible;display:block}
li.item[hidden]{display:block!important}
ol.tree>li.item{content-visibility:visible}
summary{list-style:none}summary::-webkit-details-marker{display:none}
li.item{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`;

/**
 * The search filter: shows the steps whose name, type, variables, settings or condition hold every word typed, every
 * item of a group whose own text holds them (typing a group's name showed it open and empty), and the groups on
 * their way; hides the rest. An item's group is the one around it in the tree, or the one its `data-up` names (past
 * the levels the page nests, a group's contents follow it in the same list). Without JavaScript the box stays hidden and the page is complete. A link to a step (from
 * the variable, package and finding tables) that the filter hid clears the filter, and opens the groups around the
 * step, before the browser goes to it: it led nowhere. The page keeps a scroll padding of the bar's height (which
 * grows when the bar wraps in a narrow window), so a step a link leads to and the element keyboard focus moves to
 * land below the sticky bar rather than under it.
 */
export const PAGE_SCRIPT = `
(function(){
var box=document.getElementById('search');var q=document.getElementById('q');var out=document.getElementById('matches');
if(!box||!q||!out)return;box.hidden=false;
var root=document.documentElement;function pad(){root.style.scrollPaddingTop=(box.offsetHeight+8)+'px';}pad();
if(window.ResizeObserver)new ResizeObserver(pad).observe(box);else window.addEventListener('resize',pad);
var items=Array.prototype.slice.call(document.querySelectorAll('li.item'));
var at=new Map();items.forEach(function(li,i){at.set(li,i);});
var up=items.map(function(li){var u=li.getAttribute('data-up');var p;if(u!==null)p=at.get(document.getElementById(u));else{var d=li.parentElement&&li.parentElement.parentElement;p=d&&d.tagName==='DETAILS'?at.get(d.parentElement):undefined;}return p===undefined?-1:p;});
function filter(){
var words=q.value.toLowerCase().split(/\\s+/).filter(Boolean);
if(!words.length){for(var i=0;i<items.length;i++)items[i].hidden=false;out.textContent='';return;}
var shown=0;var match=[];var keep=[];var inner=[];
for(var m=0;m<items.length;m++){
var text=items[m].getAttribute('data-search')||'';var self=true;
for(var k=0;k<words.length;k++){if(text.indexOf(words[k])<0){self=false;break;}}
match[m]=self||(up[m]>=0&&match[up[m]]);keep[m]=match[m];
}
for(var j=items.length-1;j>=0;j--){
var li=items[j];
if(keep[j]&&up[j]>=0){keep[up[j]]=true;inner[up[j]]=true;}
li.hidden=!keep[j];
if(inner[j])li.firstElementChild.open=true;
if(match[j]&&!li.classList.contains('group'))shown++;
}
out.textContent=shown+(shown===1?' step matches':' steps match');
}
q.addEventListener('input',filter);
if(q.value)filter();
document.addEventListener('click',function(ev){
var a=ev.target&&ev.target.closest?ev.target.closest('a[href^="#"]'):null;if(!a)return;
var t=document.getElementById(a.getAttribute('href').slice(1));if(!t)return;
if(t.closest('li.item[hidden]')){q.value='';filter();}
for(var d=t.parentElement;d;d=d.parentElement)if(d.tagName==='DETAILS')d.open=true;
});
})();
`;

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

/** The Content-Security-Policy of a page: nothing but the inline style and script above, no network at all. */
export const PAGE_CSP = `default-src 'none'; style-src ${sha256(PAGE_CSS)}; script-src ${sha256(PAGE_SCRIPT)}; base-uri 'none'; form-action 'none'`;

/** The CSP of a page with no script (the index page). */
export const INDEX_CSP = `default-src 'none'; style-src ${sha256(PAGE_CSS)}; base-uri 'none'; form-action 'none'`;
