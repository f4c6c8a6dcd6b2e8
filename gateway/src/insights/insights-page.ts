/**
 * The insights page for managers: net sales by channel and by store over time, best sellers,
 * and today's figures refreshed every half minute. Plain HTML and one script, no build step; it
 * reads the API like any client (salesReport, bestSellers) with the token in `?token=`, so store
 * staff see their own store only, as the API decides.
 */
export const INSIGHTS_HTML = /* html */ `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Insights</title>
<style>
  :root { color-scheme: light dark; }
  body { font: 16px/1.4 system-ui, sans-serif; margin: 0; padding: 1.25rem 2rem; }
  header { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
  h1 { font-size: 1.8rem; margin: 0 1rem 1rem 0; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  input, select, button { font: inherit; padding: .2rem .4rem; }
  #status { font-size: .9rem; padding: .15rem .6rem; border-radius: 1rem; background: #8883; }
  #status[data-state="error"] { background: #c6282833; }
  .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 1rem; }
  .figure { border: 1px solid #8884; border-radius: .5rem; padding: .75rem 1rem; }
  .figure b { display: block; font-size: 1.8rem; font-variant-numeric: tabular-nums; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1.5rem; }
  .chart { position: relative; height: 18rem; }
  table { border-collapse: collapse; width: 100%; max-width: 48rem; }
  td, th { padding: .35rem .5rem; border-bottom: 1px solid #8884; text-align: left; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<header>
  <h1>Insights</h1>
  <label>From <input id="from" type="date"></label>
  <label>To <input id="to" type="date"></label>
  <button id="refresh">Show</button>
  <span id="status" data-state="idle">loading…</span>
</header>
<h2>Today</h2>
<div class="figures">
  <div class="figure">Net sales<b id="today-net">–</b></div>
  <div class="figure">Orders<b id="today-orders">–</b></div>
  <div class="figure">Units<b id="today-units">–</b></div>
  <div class="figure">Average order<b id="today-aov">–</b></div>
</div>
<div class="charts">
  <section><h2>Net sales by channel</h2><div class="chart"><canvas id="by-channel"></canvas></div></section>
  <section><h2>Net sales by store</h2><div class="chart"><canvas id="by-store"></canvas></div></section>
</div>
<h2>Best sellers</h2>
<table>
  <thead><tr><th>Product</th><th class="n">Units</th><th class="n">Net sales</th></tr></thead>
  <tbody id="best"></tbody>
</table>
<script src="/insights/chart.js"></script>
<script>
(() => {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const status = document.getElementById('status');
  const setStatus = (state, text) => { status.dataset.state = state; status.textContent = text; };
  const http = async (query, variables) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json' }, token ? { authorization: 'Bearer ' + token } : {}),
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
    return body.data;
  };
  const day = (d) => d.toISOString().slice(0, 10);
  const fromInput = document.getElementById('from');
  const toInput = document.getElementById('to');
  toInput.value = params.get('to') || day(new Date());
  fromInput.value = params.get('from') || day(new Date(Date.now() - 29 * 86400000));
  const money = (m) => (m ? Number(m.amount).toLocaleString(undefined, { style: 'currency', currency: m.currencyCode }) : '–');
  const REPORT = 'query($from: DateTime!, $to: DateTime!, $groupBy: [SalesReportDimension!]!) {'
    + ' salesReport(from: $from, to: $to, groupBy: $groupBy) { channel location { id name } period'
    + ' netSales { amount currencyCode } orders units averageOrderValue { amount currencyCode } } }';
  const BEST = 'query($from: DateTime!, $to: DateTime!) { bestSellers(from: $from, to: $to, by: NET_SALES, first: 10) {'
    + ' product { id title } units netSales { amount currencyCode } } }';
  const charts = {};

  function draw(id, rows, seriesOf) {
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const series = new Map();
    for (const row of rows) {
      const name = seriesOf(row);
      if (!series.has(name)) series.set(name, new Map());
      series.get(name).set(row.period, Number(row.netSales.amount));
    }
    const datasets = [...series].map(([label, values]) => ({ label, data: periods.map((p) => values.get(p) || 0) }));
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels: periods, datasets },
      options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    });
  }

  async function showPeriod() {
    const from = new Date(fromInput.value + 'T00:00:00').toISOString();
    const to = new Date(new Date(toInput.value + 'T00:00:00').getTime() + 86400000).toISOString();
    setStatus('loading', 'loading…');
    try {
      const [byChannel, byStore, best] = await Promise.all([
        http(REPORT, { from, to, groupBy: ['DAY', 'CHANNEL'] }),
        http(REPORT, { from, to, groupBy: ['DAY', 'LOCATION'] }),
        http(BEST, { from, to }),
      ]);
      draw('by-channel', byChannel.salesReport, (r) => r.channel);
      draw('by-store', byStore.salesReport, (r) => (r.location ? r.location.name || r.location.id : 'Shipped'));
      const tbody = document.getElementById('best');
      tbody.textContent = '';
      for (const b of best.bestSellers) {
        const tr = document.createElement('tr');
        tr.innerHTML = '<td></td><td class="n"></td><td class="n"></td>';
        tr.children[0].textContent = b.product && b.product.title ? b.product.title : '(no longer in the catalog)';
        tr.children[1].textContent = String(b.units);
        tr.children[2].textContent = money(b.netSales);
        tbody.appendChild(tr);
      }
      setStatus('ok', 'up to date');
    } catch (error) {
      setStatus('error', error.message);
    }
  }

  async function showToday() {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    try {
      const data = await http(REPORT, { from: midnight.toISOString(), to: new Date(Date.now() + 60000).toISOString(), groupBy: [] });
      const row = data.salesReport[0];
      document.getElementById('today-net').textContent = row ? money(row.netSales) : '–';
      document.getElementById('today-orders').textContent = row ? String(row.orders) : '0';
      document.getElementById('today-units').textContent = row ? String(row.units) : '0';
      document.getElementById('today-aov').textContent = row ? money(row.averageOrderValue) : '–';
    } catch (error) {
      setStatus('error', error.message);
    }
  }

  document.getElementById('refresh').addEventListener('click', () => {
    params.set('from', fromInput.value);
    params.set('to', toInput.value);
    history.replaceState(null, '', '?' + params);
    showPeriod();
  });
  showPeriod();
  showToday();
  setInterval(showToday, 30000);
})();
</script>
</body>
</html>`;
