// The xoscar dashboard: one EventSource on api/events (relative, so the page works under any path),
// re-rendering on each "snapshot" event. Plain DOM, no framework; only one page of actors is in the DOM.
import uPlot from './vendor/uplot/uPlot.esm.js';

const PAGE = 200;
const WINDOW_SECONDS = 5 * 60;

const $ = (id) => document.getElementById(id);

const query = { filter: '', offset: 0, limit: PAGE, sort: 'uid' };
let source = null;
let lastSnapshot = null;
let previous = null; // { takenAt, calls } of the previous snapshot, for the rate
const series = { t: [], rate: [] };
let chart = null;

// ---------------------------------------------------------------- connection

function params() {
  const p = new URLSearchParams();
  if (query.filter) p.set('filter', query.filter);
  p.set('offset', String(query.offset));
  p.set('limit', String(query.limit));
  p.set('sort', query.sort);
  return p.toString();
}

function setStatus(live) {
  const status = $('status');
  status.textContent = live ? 'live' : 'reconnecting…';
  status.className = 'status ' + (live ? 'live' : 'down');
}

function connect() {
  if (source) source.close();
  source = new EventSource('api/events?' + params());
  source.addEventListener('open', () => setStatus(true));
  source.addEventListener('snapshot', (event) => {
    setStatus(true);
    render(JSON.parse(event.data));
  });
  source.addEventListener('error', () => setStatus(false)); // EventSource reconnects by itself
}

// the query changed: reconnect with it (the first event of a stream comes at once)
let refreshTimer = 0;
function requery() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(connect, 150);
}

// ---------------------------------------------------------------- rendering helpers

function cell(tr, className, text) {
  const td = document.createElement('td');
  td.className = className;
  td.textContent = text == null ? '' : String(text);
  tr.appendChild(td);
  return td;
}

function replaceRows(tbody, rows) {
  tbody.replaceChildren(...rows);
}

function fmt(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : '–';
}

function ms(n) {
  if (n == null) return '';
  return n < 1000 ? n + ' ms' : (n / 1000).toFixed(1) + ' s';
}

function toggleEmpty(listId, empty) {
  const note = document.querySelector(`[data-empty-for="${listId}"]`);
  if (note) note.hidden = !empty;
}

// ---------------------------------------------------------------- sections

function renderPools(snapshot) {
  const rows = snapshot.pools.map((pool) => {
    const tr = document.createElement('tr');
    tr.dataset.poolId = pool.id;
    cell(tr, 'pool-id', pool.id);
    cell(tr, 'pool-name', pool.name);
    cell(tr, 'pool-mode', pool.mode);
    const status = pool.state || pool.status;
    cell(tr, 'pool-status ' + status, status);
    cell(tr, 'pool-pid', pool.pid);
    cell(tr, 'pool-restarts', pool.restarts);
    cell(tr, 'pool-backlog', pool.backlog);
    cell(tr, 'pool-actors', pool.actorCount);
    cell(tr, 'pool-last-failure', pool.lastFailure || '');
    return tr;
  });
  replaceRows($('pools').tBodies[0], rows);
  const unlisted = $('unlisted');
  const entries = Object.entries(snapshot.unlisted || {});
  unlisted.hidden = entries.length === 0;
  unlisted.textContent = entries.map(([pool, why]) => `${pool}: ${why}`).join('; ');
}

function poolIdsByIndex(snapshot) {
  const ids = new Map();
  for (const pool of snapshot.pools) ids.set(pool.index, pool.id);
  return ids;
}

function renderActors(snapshot) {
  const page = snapshot.actors;
  const ids = poolIdsByIndex(snapshot);
  const rows = page.items.map((actor) => {
    const tr = document.createElement('tr');
    tr.dataset.uid = actor.uid;
    cell(tr, 'actor-uid', actor.uid);
    cell(tr, 'actor-class', actor.actorClass);
    cell(tr, 'actor-pool', ids.get(actor.pool) ?? actor.pool);
    cell(tr, 'actor-stateful', actor.stateful ? 'yes' : 'no');
    cell(tr, 'actor-backlog', actor.backlog);
    cell(tr, 'actor-calls', actor.calls);
    const inFlight = cell(tr, 'actor-inflight', actor.inFlight.length);
    if (actor.inFlight.length) {
      inFlight.title = actor.inFlight.map((c) => `${c.method} ${c.state} ${ms(c.ageMillis)}`).join('\n');
    }
    return tr;
  });
  replaceRows($('actors').tBodies[0], rows);
  $('actors-total').textContent = String(page.total);
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = Math.min(page.offset + page.items.length, page.total);
  $('actors-range').textContent = `${first}–${last} of ${page.total}`;
  $('actors-prev').disabled = page.offset === 0;
  $('actors-next').disabled = page.offset + page.limit >= page.total;
}

function renderDeadlocks(snapshot) {
  const items = snapshot.deadlocks.map((deadlock) => {
    const li = document.createElement('li');
    li.className = 'deadlock';
    li.dataset.id = deadlock.id;
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = deadlock.message;
    const cycle = document.createElement('span');
    cycle.className = 'cycle';
    cycle.textContent = deadlock.cycle
      .map((step) => `${step.uid}${step.method ? '.' + step.method : ''}`)
      .join(' → ');
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = `${deadlock.detection} in ${deadlock.poolId ?? deadlock.pool} at ${deadlock.detectedAt}`;
    li.append(message, cycle, detail);
    return li;
  });
  $('deadlocks').replaceChildren(...items);
  toggleEmpty('deadlocks', items.length === 0);
}

function renderSlowCalls(snapshot) {
  const describe = (alert, ended) => {
    const li = document.createElement('li');
    li.className = 'slowcall' + (ended ? ' ended' : ' active');
    li.dataset.id = alert.id;
    const head = document.createElement('span');
    head.className = 'message';
    const time = ended ? `took ${ms(alert.durationMillis)}` : `running ${ms(alert.ageMillis)}`;
    head.textContent = `${alert.kind} ${alert.uid}.${alert.method} — ${time} (threshold ${ms(alert.thresholdMillis)})`;
    const detail = document.createElement('span');
    detail.className = 'detail';
    detail.textContent = `${alert.actorClass} in ${alert.poolId ?? alert.pool}; ${alert.state ?? ''}`;
    li.append(head, detail);
    return li;
  };
  const items = [
    ...snapshot.slowCalls.active.map((a) => describe(a, false)),
    ...snapshot.slowCalls.ended.map((a) => describe(a, true)),
  ];
  $('slowcalls').replaceChildren(...items);
  toggleEmpty('slowcalls', items.length === 0);
}

function renderStreams(snapshot) {
  const rows = snapshot.streams.map((stream) => {
    const tr = document.createElement('tr');
    tr.className = 'stream';
    tr.dataset.uid = stream.uid;
    cell(tr, 'stream-uid', stream.uid);
    cell(tr, 'stream-class', stream.actorClass);
    cell(tr, 'stream-pool', stream.pool);
    cell(tr, 'stream-method', stream.method);
    cell(tr, 'stream-age', ms(stream.ageMillis));
    cell(tr, 'stream-items', stream.items);
    return tr;
  });
  replaceRows($('streams').tBodies[0], rows);
}

// ---------------------------------------------------------------- the calls/s chart

function chartWidth() {
  const el = $('calls-chart');
  return Math.max(300, el.clientWidth || el.parentElement.clientWidth - 32);
}

function makeChart() {
  const opts = {
    width: chartWidth(),
    height: 200,
    legend: { show: false },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [{}, { size: 60 }],
    series: [{}, { label: 'calls/s', stroke: '#2f6feb', fill: 'rgba(47,111,235,0.12)', width: 1.5 }],
  };
  chart = new uPlot(opts, [series.t, series.rate], $('calls-chart'));
  window.addEventListener('resize', () => chart.setSize({ width: chartWidth(), height: 200 }));
}

function renderChart(snapshot) {
  const calls = snapshot.totals.calls;
  const t = snapshot.takenAt / 1000;
  let rate = 0;
  if (previous && t > previous.t) {
    rate = Math.max(0, (calls - previous.calls) / (t - previous.t));
  }
  if (!previous || t > previous.t) {
    previous = { t, calls };
    series.t.push(t);
    series.rate.push(Math.round(rate * 100) / 100);
    while (series.t.length && series.t[0] < t - WINDOW_SECONDS) {
      series.t.shift();
      series.rate.shift();
    }
  }
  const el = $('calls-chart');
  el.dataset.totalCalls = String(calls);
  el.dataset.lastRate = String(Math.round(rate * 100) / 100);
  $('calls-rate').textContent = fmt(Math.round(rate * 10) / 10);
  if (!chart) makeChart();
  else chart.setData([series.t, series.rate]);
}

// ---------------------------------------------------------------- render

function render(snapshot) {
  lastSnapshot = snapshot;
  $('address').textContent = snapshot.address;
  $('taken-at').textContent = new Date(snapshot.takenAt).toLocaleTimeString();
  $('total-actors').textContent = fmt(snapshot.totals.actors);
  $('total-calls').textContent = fmt(snapshot.totals.calls);
  $('total-inflight').textContent = fmt(snapshot.totals.inFlight);
  $('total-backlog').textContent = fmt(snapshot.totals.backlog);
  $('total-streams').textContent = fmt(snapshot.totals.openStreams);
  renderPools(snapshot);
  // a snapshot of an older query (still in flight when the query changed) does not list the actors
  const page = snapshot.actors;
  if (page.offset === query.offset && page.filter === query.filter.toLowerCase() && page.sort === query.sort) {
    renderActors(snapshot);
  }
  renderDeadlocks(snapshot);
  renderSlowCalls(snapshot);
  renderStreams(snapshot);
  renderChart(snapshot);
}

// ---------------------------------------------------------------- controls

$('actor-filter').addEventListener('input', (event) => {
  query.filter = event.target.value.trim();
  query.offset = 0;
  requery();
});
$('actor-sort').addEventListener('change', (event) => {
  query.sort = event.target.value;
  query.offset = 0;
  requery();
});
$('actors-prev').addEventListener('click', () => {
  query.offset = Math.max(0, query.offset - PAGE);
  requery();
});
$('actors-next').addEventListener('click', () => {
  const total = lastSnapshot ? lastSnapshot.actors.total : 0;
  if (query.offset + PAGE < total) {
    query.offset += PAGE;
    requery();
  }
});

setStatus(false);
$('status').textContent = 'connecting…';
connect();
