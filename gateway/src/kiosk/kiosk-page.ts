/**
 * The kiosk board: pick a location, then watch the live availability of the catalog there,
 * readable from two metres away. Plain HTML and one script, no build step; it talks to the API
 * like any client: locations over HTTP, stock over graphql-ws, resuming by itself.
 */
export const KIOSK_HTML = /* html */ `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stock board</title>
<style>
  :root { color-scheme: light dark; --ok: #1a7f37; --low: #b35900; --out: #c62828; }
  body { font: 24px/1.35 system-ui, sans-serif; margin: 0; padding: 1.5rem 2rem; }
  header { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; }
  h1 { font-size: 2.2rem; margin: 0 0 1rem; }
  select, input { font: inherit; padding: .25rem .5rem; }
  #status { font-size: 1rem; padding: .2rem .6rem; border-radius: 1rem; background: #8883; }
  #status[data-state="live"] { background: #1a7f3733; }
  table { width: 100%; border-collapse: collapse; margin-top: 1rem; }
  th { text-align: left; font-size: 1rem; text-transform: uppercase; letter-spacing: .05em; opacity: .7; }
  td, th { padding: .45rem .5rem; border-bottom: 1px solid #8884; }
  td.qty { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; font-size: 2rem; width: 6rem; }
  tr[data-level="out"] td.qty { color: var(--out); }
  tr[data-level="low"] td.qty { color: var(--low); }
  tr[data-level="ok"] td.qty { color: var(--ok); }
  tr.changed { animation: flash 1.2s ease-out; }
  @keyframes flash { from { background: #ffd54f88; } to { background: transparent; } }
  .sku { font-size: 1rem; opacity: .65; }
</style>
</head>
<body>
<header>
  <h1 id="title">Stock board</h1>
  <label>Location <select id="location"><option value="">Choose…</option></select></label>
  <input id="filter" type="search" placeholder="Find a product" aria-label="Find a product">
  <span id="status" data-state="idle">not connected</span>
</header>
<table>
  <thead><tr><th>Product</th><th>Variant</th><th>Available</th></tr></thead>
  <tbody id="rows"></tbody>
</table>
<script src="/kiosk/graphql-ws.js"></script>
<script>
(() => {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const http = async (query, variables) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json' }, token ? { authorization: 'Bearer ' + token } : {}),
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()).data;
  };
  const rows = new Map();        // "sku@location" -> { tr, version }
  const tbody = document.getElementById('rows');
  const status = document.getElementById('status');
  const select = document.getElementById('location');
  const filter = document.getElementById('filter');
  const setStatus = (state, text) => { status.dataset.state = state; status.textContent = text; };
  const wsUrl = location.origin.replace(/^http/, 'ws') + '/graphql';
  // Retries for ever with backoff; after a reconnect it subscribes again and dedupes by version.
  const client = graphqlWs.createClient({
    url: wsUrl,
    connectionParams: token ? { authorization: 'Bearer ' + token } : {},
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => setStatus('live', 'live'),
      closed: () => setStatus('down', 'reconnecting…'),
      connecting: () => setStatus('connecting', 'connecting…'),
    },
  });
  const LIVE = 'subscription($locationIds: [ID!], $since: [StockCursorInput!]) { stockChanged(locationIds: $locationIds, since: $since) {'
    + ' kind sku available version location { id } variant { title product { title } } } }';
  let unsubscribe = null;

  function render(item) {
    const key = item.sku + '@' + item.location.id;
    let row = rows.get(key);
    if (row && item.version <= row.version) return;
    if (!row) {
      const tr = document.createElement('tr');
      tr.dataset.sku = item.sku;
      tr.innerHTML = '<td class="product"></td><td><span class="variant"></span> <span class="sku"></span></td><td class="qty"></td>';
      tr.querySelector('.sku').textContent = item.sku;
      row = { tr, version: 0 };
      rows.set(key, row);
      tbody.appendChild(tr);
    }
    const { tr } = row;
    tr.querySelector('.product').textContent = item.variant ? item.variant.product.title : item.sku;
    tr.querySelector('.variant').textContent = item.variant && item.variant.title !== 'Default Title' ? item.variant.title : '';
    tr.querySelector('.qty').textContent = String(item.available);
    tr.dataset.level = item.available <= 0 ? 'out' : item.available <= 3 ? 'low' : 'ok';
    if (item.kind === 'CHANGE') { tr.classList.remove('changed'); void tr.offsetWidth; tr.classList.add('changed'); }
    row.version = item.version;
    applyFilter(tr);
  }

  function applyFilter(tr) {
    const words = filter.value.trim().toLowerCase();
    tr.hidden = Boolean(words) && !tr.textContent.toLowerCase().includes(words);
  }

  function watch(locationId) {
    if (unsubscribe) unsubscribe();
    rows.clear();
    tbody.textContent = '';
    if (!locationId) return;
    const since = () => [...rows.entries()].map(([key, row]) => ({ sku: key.split('@')[0], locationId, version: row.version }));
    unsubscribe = client.subscribe({ query: LIVE, variables: { locationIds: [locationId], since: since() } }, {
      next: (result) => { if (result.data) render(result.data.stockChanged); },
      error: () => setStatus('down', 'reconnecting…'),
      complete: () => {},
    });
  }

  filter.addEventListener('input', () => rows.forEach(({ tr }) => applyFilter(tr)));
  select.addEventListener('change', () => {
    params.set('location', select.value);
    history.replaceState(null, '', '?' + params);
    document.getElementById('title').textContent = select.selectedOptions[0].textContent;
    watch(select.value);
  });

  http('{ locations(first: 250) { nodes { id name type } } }').then((data) => {
    for (const l of data.locations.nodes) {
      const option = new Option(l.name, l.id);
      select.add(option);
    }
    // A board bookmarked with a raw location id (before global ids) still finds its location.
    const wanted = params.get('location');
    const chosen = wanted && [...select.options].find((o) => o.value === wanted || o.value.endsWith('/' + wanted));
    if (chosen) { select.value = chosen.value; select.dispatchEvent(new Event('change')); }
  });
})();
</script>
</body>
</html>`;
