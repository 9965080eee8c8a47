// The HTML of /t/<token>: mobile-first, in the reader's language, with the state embedded and
// refreshed from /t/<token>/state every 10 s (no reload). The map is Leaflet served by this
// server; tiles are optional (a grey background with the two markers when none load).
// Everything the order says is escaped; the script runs under a per-response CSP nonce.
import { PAGE_WORDS } from '../../shared/messages/customer-words';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../../shared/messages/message-vocabulary';
import type { TrackingView } from './tracking-view';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside <script>: no "</script>" or "<!--" can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f4f6;color:#111827}
main{max-width:560px;margin:0 auto;padding:12px}
header{display:flex;justify-content:space-between;align-items:baseline;gap:8px;margin:4px 2px 12px}
h1{font-size:1.1rem;margin:0;color:#374151}.langs a{margin-left:8px;color:#2563eb;text-decoration:none;font-size:.9rem}.langs a[aria-current]{font-weight:700;color:#111827}
.card{background:#fff;border-radius:14px;padding:14px 16px;margin-bottom:12px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.num{font-size:.9rem;color:#6b7280}.status{font-size:1.5rem;font-weight:700;margin:2px 0}
.eta{font-size:2rem;font-weight:700;color:#065f46}.band,.muted{color:#6b7280;font-size:.9rem}
#map{height:260px;border-radius:14px;background:#d1d5db;margin-bottom:12px}
ol{list-style:none;margin:0;padding:0}li{display:flex;justify-content:space-between;padding:8px 0;border-top:1px solid #e5e7eb}li:first-child{border-top:0}
li .t{color:#6b7280;font-variant-numeric:tabular-nums}.pulse{display:inline-block;width:10px;height:10px;border-radius:50%;background:#10b981;margin-right:6px}
.drv{background:#2563eb;border:3px solid #fff;border-radius:50%;width:18px;height:18px;box-shadow:0 0 0 2px #2563eb}.dst{background:#dc2626;border:3px solid #fff;border-radius:50%;width:16px;height:16px}
footer{color:#9ca3af;font-size:.8rem;text-align:center;margin:8px 0 24px}
.optout button{width:100%;min-height:44px;font:inherit;font-size:.95rem;color:#374151;background:#fff;border:1px solid #d1d5db;border-radius:10px;padding:10px 12px;cursor:pointer}
.optout button:disabled{opacity:.6}.optout p{margin:8px 0 0}.optout p:empty{display:none}
:target.optout{box-shadow:0 0 0 2px #2563eb}`;

export function renderTrackingPage(view: TrackingView, token: string, nonce: string, tileUrl: string | null): string {
  const w = PAGE_WORDS[view.language];
  const word = (k: string) => escapeHtml(w[k] ?? k);
  const langs = MESSAGE_LANGUAGES.map((l) => `<a href="?lang=${l}"${l === view.language ? ' aria-current="true"' : ''}>${l.toUpperCase()}</a>`).join('');
  return `<!doctype html>
<html lang="${view.language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${word('title')} ${escapeHtml(view.number)}</title>
<link rel="stylesheet" href="/t-assets/leaflet.css">
<style nonce="${nonce}">${CSS}</style></head>
<body><main>
<header><h1>${word('title')}</h1><nav class="langs">${langs}</nav></header>
<section class="card"><div class="num">${word('order')} <span id="number">${escapeHtml(view.number)}</span></div>
<div class="status" id="status">${escapeHtml(view.statusText)}</div>
<div id="driver" class="muted"></div></section>
<section class="card" id="eta-card"><div class="muted" id="eta-label">${word('eta')}</div><div class="eta" id="eta"></div><div class="band" id="band"></div></section>
<div id="map" role="img" aria-label="${word('live')}" hidden></div>
<section class="card"><div class="muted">${word('steps')}</div><ol id="steps"></ol></section>
<section class="card optout" id="unsubscribe"><button type="button" id="optout">${word('optOut')}</button><p id="optout-msg" class="muted" role="status"></p></section>
<footer>${word('updated')} <span id="updated"></span></footer>
</main>
<script id="state" type="application/json">${scriptJson(view)}</script>
<script id="words" type="application/json">${scriptJson({ ...w, tiles: tileUrl, token })}</script>
<script src="/t-assets/leaflet.js"></script>
<script nonce="${nonce}">${CLIENT_SCRIPT}</script>
</body></html>`;
}

/** The page's own script: renders a state, polls for the next one, moves the marker. */
const CLIENT_SCRIPT = `
(function(){
var W=JSON.parse(document.getElementById('words').textContent);
var map=null,drv=null,dst=null,line=null;
function el(id){return document.getElementById(id)}
function text(id,s){el(id).textContent=s||''}
// Numbers only (the times come from the server). Kazakhstan writes 3,0 as Russian does, and
// Chromium's Kazakh data writes 3.0, so Kazakh pages take Russian number formatting.
function loc(lang){return lang==='en'?'en-GB':'ru-RU'}
function km(a,b){var R=6371,r=Math.PI/180,dl=(b.lat-a.lat)*r,dn=(b.lon-a.lon)*r,h=Math.sin(dl/2)*Math.sin(dl/2)+Math.cos(a.lat*r)*Math.cos(b.lat*r)*Math.sin(dn/2)*Math.sin(dn/2);return 2*R*Math.asin(Math.min(1,Math.sqrt(h)))}
function render(s){
 text('status',s.statusText);
 text('driver',s.driver?W.driver+': '+s.driver:'');
 if(s.eta){el('eta-card').hidden=false;text('eta',s.eta.text);text('band',s.eta.band)}
 else{text('eta','');text('band',s.status==='delivered'?W.delivered:W.noEta)}
 // Delivered: "expected arrival" over "order delivered" reads wrong; the band says it alone.
 el('eta-label').hidden=!s.eta&&s.status==='delivered';
 var ol=el('steps');ol.textContent='';
 s.steps.forEach(function(st){var li=document.createElement('li');var a=document.createElement('span');a.textContent=st.text;var b=document.createElement('span');b.className='t';b.textContent=st.time;li.appendChild(a);li.appendChild(b);ol.appendChild(li)});
 text('updated',s.updated);
 if(s.optedOut){el('optout').hidden=true;text('optout-msg',W.optOutDone)}
 var m=el('map');
 if(s.position&&s.destination&&window.L){
  m.hidden=false;
  var p=[s.position.lat,s.position.lon],d=[s.destination.lat,s.destination.lon];
  if(!map){map=L.map(m,{zoomControl:false,attributionControl:!!W.tiles});
   if(W.tiles)L.tileLayer(W.tiles,{maxZoom:18,attribution:'&copy; OpenStreetMap'}).addTo(map);
   drv=L.marker(p,{icon:L.divIcon({className:'',html:'<div class="drv"></div>',iconSize:[18,18]}),title:W.live}).addTo(map);
   dst=L.marker(d,{icon:L.divIcon({className:'',html:'<div class="dst"></div>',iconSize:[16,16]}),title:W.destination}).addTo(map);
   line=L.polyline([p,d],{color:'#2563eb',dashArray:'6 6',weight:3}).addTo(map);
   map.fitBounds([p,d],{padding:[40,40],maxZoom:16});
  }else{drv.setLatLng(p);dst.setLatLng(d);line.setLatLngs([p,d])}
  text('driver',(s.driver?W.driver+': '+s.driver+' · ':'')+W.away.replace('{km}',km(s.position,s.destination).toLocaleString(loc(s.language),{minimumFractionDigits:1,maximumFractionDigits:1})));
 }else{m.hidden=true;if(map){map.remove();map=null}}
}
render(JSON.parse(el('state').textContent));
function poll(){fetch(location.pathname.replace(/\\/$/,'')+'/state'+location.search,{cache:'no-store'}).then(function(r){if(r.status===410){location.reload();return null}return r.ok?r.json():null}).then(function(s){if(s)render(s)}).catch(function(){}).then(function(){setTimeout(poll,10000)})}
setTimeout(poll,10000);
// The token goes in a header, never in the URL: the opt-out is a POST the page makes itself.
el('optout').addEventListener('click',function(){var b=el('optout');b.disabled=true;
 fetch('/t-api/opt-out',{method:'POST',headers:{'X-Tracking-Token':W.token},cache:'no-store'}).then(function(r){if(!r.ok)throw r;b.hidden=true;text('optout-msg',W.optOutDone)})
 .catch(function(){b.disabled=false;text('optout-msg',W.optOutFailed)})});
})();`;

export function renderMessagePage(language: MessageLanguage, titleKey: 'expired' | 'notFound', status: number): string {
  const w = PAGE_WORDS[language];
  const title = escapeHtml(w[titleKey] ?? titleKey);
  const hint = titleKey === 'expired' ? `<p class="muted">${escapeHtml(w['expiredHint'] ?? '')}</p>` : '';
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title>
<style>body{margin:0;font:16px/1.4 system-ui,sans-serif;background:#f3f4f6;color:#111827}main{max-width:560px;margin:0 auto;padding:24px 16px}.card{background:#fff;border-radius:14px;padding:16px}.muted{color:#6b7280}</style></head>
<body><main><div class="card"><h1>${title}</h1>${hint}<p class="muted">${status}</p></div></main></body></html>`;
}
