// The xoscar dashboard: one EventSource on api/events (relative, so the page works under any path),
// re-rendering on each "snapshot" event. Plain DOM, no framework; only one page of actors is in the DOM.
// Time series are uPlot charts (the node's from api/history, then a point per snapshot; an opened
// actor's from api/actor); the call graph is an ECharts graph laid out left to right by call depth.
import uPlot from './vendor/uplot/uPlot.esm.js';
import * as echarts from './vendor/echarts/echarts.esm.min.js';

const PAGE = 200;
const WINDOW_SECONDS = 5 * 60;

const $ = (id) => document.getElementById(id);

const query = { filter: '', offset: 0, limit: PAGE, sort: 'uid' };
let source = null;
let lastSnapshot = null;
// the node's series (seconds, per second, milliseconds), as api/history gives them
const node = { t: [], calls: [], errors: [], p50: [], p99: [] };
const charts = {};
let graph = null;
let graphShape = '';
const detail = { uid: null, timer: 0, charts: [], methods: '' };

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
    if (actor.uid === detail.uid) tr.className = 'open';
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

// ---------------------------------------------------------------- the node's charts

const COLORS = { calls: '#2f6feb', errors: '#cf222e', p50: '#1a7f37', p95: '#9a6700', p99: '#8250df' };

function widthOf(el) {
  return Math.max(200, el.clientWidth || el.parentElement.clientWidth - 16);
}

// a time-series chart in el: series are [label, key] pairs of data arrays aligned with data.t
function timeChart(el, height, defs, data) {
  const opts = {
    width: widthOf(el),
    height,
    legend: { show: defs.length > 1 },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [{}, { size: 56 }],
    series: [{}, ...defs.map(([label, key]) => ({
      label, stroke: COLORS[key], width: 1.5, spanGaps: true,
      fill: defs.length === 1 ? COLORS[key] + '1f' : undefined,
    }))],
  };
  const chart = new uPlot(opts, [data.t, ...defs.map(([, key]) => data[key])], el);
  chart.defs = defs;
  return chart;
}

function update(chart, data) {
  chart.setData([data.t, ...chart.defs.map(([, key]) => data[key])]);
}

function setNodeSeries(series) {
  node.t = series.t.map((t) => t / 1000);
  node.calls = series.calls.slice();
  node.errors = series.errors.slice();
  node.p50 = series.p50.slice();
  node.p99 = series.p99.slice();
}

async function loadHistory() {
  try {
    const response = await fetch('api/history', { headers: { Accept: 'application/json' } });
    if (response.ok) setNodeSeries(await response.json());
  } catch (e) {
    // the charts start from the first snapshot instead
  }
}

function appendPoint(point) {
  if (!point) return;
  const t = point.t / 1000;
  if (node.t.length && t <= node.t[node.t.length - 1]) return;
  node.t.push(t);
  node.calls.push(point.calls);
  node.errors.push(point.errors);
  node.p50.push(point.p50);
  node.p99.push(point.p99);
  while (node.t.length && node.t[0] < t - WINDOW_SECONDS) {
    for (const key of Object.keys(node)) node[key].shift();
  }
}

function renderNodeCharts(snapshot) {
  const point = snapshot.calls;
  appendPoint(point);
  const callsEl = $('calls-chart');
  callsEl.dataset.totalCalls = String(snapshot.totals.calls);
  callsEl.dataset.lastRate = String(point ? point.calls : 0);
  $('errors-chart').dataset.lastRate = String(point ? point.errors : 0);
  $('calls-rate').textContent = point ? fmt(Math.round(point.calls * 10) / 10) : '–';
  $('errors-rate').textContent = point ? fmt(Math.round(point.errors * 10) / 10) : '–';
  $('latency-p99').textContent = point && point.p99 != null ? String(point.p99) : '–';
  if (!charts.calls) {
    charts.calls = timeChart(callsEl, 200, [['calls/s', 'calls']], node);
    charts.latency = timeChart($('latency-chart'), 200, [['p50 ms', 'p50'], ['p99 ms', 'p99']], node);
    charts.errors = timeChart($('errors-chart'), 200, [['errors/s', 'errors']], node);
    window.addEventListener('resize', () => {
      for (const [key, el] of [['calls', callsEl], ['latency', $('latency-chart')], ['errors', $('errors-chart')]]) {
        charts[key].setSize({ width: widthOf(el), height: 200 });
      }
      if (graph) graph.resize();
    });
  } else {
    update(charts.calls, node);
    update(charts.latency, node);
    update(charts.errors, node);
  }
}

// ---------------------------------------------------------------- the call graph

const GRAPH_COLORS = { actor: '#2f6feb', class: '#0969da', outside: '#6b7385', remote: '#8c959f' };

// left to right by call depth: callers before callees, from the nodes nobody calls; what only
// cycles reach (a deadlock between actors nobody else calls) gets a band of its own below
function layout(nodes, edges) {
  const out = new Map(nodes.map((n) => [n.id, []]));
  const incoming = new Map(nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    if (e.from === e.to) continue;
    out.get(e.from)?.push(e.to);
    incoming.set(e.to, (incoming.get(e.to) || 0) + 1);
  }
  const depth = new Map();
  const band = new Map();
  const walk = (starts, b) => {
    const queue = starts.slice();
    queue.forEach((id) => { depth.set(id, 0); band.set(id, b); });
    for (let i = 0; i < queue.length; i++) {
      for (const next of out.get(queue[i]) || []) {
        if (!depth.has(next)) {
          depth.set(next, depth.get(queue[i]) + 1);
          band.set(next, b);
          queue.push(next);
        }
      }
    }
  };
  walk(nodes.filter((n) => n.kind === 'outside' || incoming.get(n.id) === 0).map((n) => n.id), 0);
  let bands = 1;
  for (const n of nodes.slice().sort((a, b) => a.id.localeCompare(b.id))) {
    if (!depth.has(n.id)) walk([n.id], bands++);
  }
  const columns = new Map(); // "band/depth" -> ids
  for (const n of nodes) {
    const key = band.get(n.id) + '/' + depth.get(n.id);
    if (!columns.has(key)) columns.set(key, []);
    columns.get(key).push(n.id);
  }
  const heights = new Array(bands).fill(0);
  for (const [key, ids] of columns) {
    const b = Number(key.split('/')[0]);
    heights[b] = Math.max(heights[b], ids.length);
  }
  const offsets = [];
  let offset = 0;
  for (let b = 0; b < bands; b++) {
    if (b > 0) offset += ((heights[b - 1] + heights[b]) / 2) * 70 + 20;
    offsets.push(offset);
  }
  const at = new Map();
  for (const [key, ids] of columns) {
    const [b, d] = key.split('/').map(Number);
    ids.sort();
    ids.forEach((id, i) => at.set(id, { x: d * 220, y: offsets[b] + (i - (ids.length - 1) / 2) * 70 }));
  }
  return at;
}

function renderGraph(snapshot) {
  const g = snapshot.graph;
  const el = $('call-graph');
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const newest = g.cycles.length ? g.cycles[0] : [];
  el.dataset.nodes = String(g.nodes.length);
  el.dataset.edges = String(g.edges.length);
  el.dataset.cycle = newest.map((id) => byId.get(id)?.label ?? id).join(' → ');
  el.dataset.cycleEdges = String(g.edges.filter((e) => e.inCycle).length);
  el.dataset.slow = g.nodes.filter((n) => n.slow).map((n) => n.label).join(',');
  el.dataset.aggregated = String(g.aggregated);
  toggleEmpty('call-graph', g.nodes.length === 0);
  if (!graph) {
    graph = echarts.init(el);
    graph.on('click', (params) => {
      if (params.dataType === 'node' && params.data.kind === 'actor') openActor(params.data.label);
    });
    window.xoscarDashboard = { graph: () => graph.getOption() };
  }
  const at = layout(g.nodes, g.edges);
  const maxRate = Math.max(1, ...g.edges.map((e) => e.rate));
  const data = g.nodes.map((n) => ({
    id: n.id,
    name: n.id,
    label: n.label,
    kind: n.kind,
    x: at.get(n.id).x,
    y: at.get(n.id).y,
    symbol: n.kind === 'outside' ? 'roundRect' : 'circle',
    symbolSize: n.kind === 'class' ? 22 + Math.min(20, n.actors) : 22,
    slow: n.slow,
    inCycle: n.inCycle,
    itemStyle: {
      color: n.inCycle ? '#cf222e' : GRAPH_COLORS[n.kind],
      borderColor: n.slow ? '#f0a020' : '#fff',
      borderWidth: n.slow ? 4 : 1,
      shadowBlur: n.slow ? 24 : 0,
      shadowColor: n.slow ? '#f0a020' : 'transparent',
    },
    tooltip: { formatter: `${n.label}${n.actorClass ? '<br>' + n.actorClass : ''}${n.pool ? '<br>pool ' + n.pool : ''}`
      + `${n.kind === 'class' ? '<br>' + n.actors + ' actors' : ''}${n.slow ? '<br><b>slow call running</b>' : ''}` },
  }));
  const links = g.edges.map((e) => ({
    source: e.from,
    target: e.to,
    inCycle: e.inCycle,
    rate: e.rate,
    lineStyle: {
      color: e.inCycle ? '#cf222e' : '#8c959f',
      width: e.inCycle ? 4 : 1 + 4 * Math.sqrt(e.rate / maxRate),
      type: e.inCycle ? 'solid' : 'solid',
      curveness: e.inCycle ? 0.25 : 0.1,
      opacity: 0.9,
    },
    label: { show: e.rate > 0 || e.inCycle, formatter: e.inCycle && e.rate === 0 ? 'deadlock' : `${e.rate}/s` },
    tooltip: { formatter: `${byId.get(e.from)?.label} → ${byId.get(e.to)?.label}: ${e.rate}/s, ${e.calls} calls` },
  }));
  const shape = JSON.stringify([g.nodes.map((n) => n.id), g.edges.map((e) => e.from + '>' + e.to)]);
  graph.setOption({
    tooltip: {},
    animation: false,
    series: [{
      type: 'graph',
      layout: 'none',
      left: 90, right: 90, top: 50, bottom: 60,
      roam: true,
      edgeSymbol: ['none', 'arrow'],
      edgeSymbolSize: 9,
      label: { show: true, position: 'bottom', formatter: (p) => p.data.label },
      edgeLabel: { fontSize: 11, color: '#57606a' },
      emphasis: { focus: 'adjacency' },
      data,
      links,
    }],
  }, { notMerge: shape !== graphShape });
  graphShape = shape;
}

// ---------------------------------------------------------------- an opened actor

async function openActor(uid) {
  detail.uid = uid;
  $('actor-detail').hidden = false;
  for (const row of document.querySelectorAll('#actors tr.open')) row.classList.remove('open');
  document.querySelector(`#actors tr[data-uid="${CSS.escape(uid)}"]`)?.classList.add('open');
  clearInterval(detail.timer);
  detail.timer = setInterval(refreshActor, 2000);
  await refreshActor();
  $('actor-detail').scrollIntoView({ block: 'nearest' });
}

function closeActor() {
  clearInterval(detail.timer);
  detail.uid = null;
  detail.methods = '';
  detail.charts = [];
  $('actor-methods').replaceChildren();
  $('actor-detail').hidden = true;
  for (const row of document.querySelectorAll('#actors tr.open')) row.classList.remove('open');
}

async function refreshActor() {
  const uid = detail.uid;
  if (!uid) return;
  let response;
  try {
    response = await fetch('api/actor?uid=' + encodeURIComponent(uid), { headers: { Accept: 'application/json' } });
  } catch (e) {
    return; // the next refresh tries again
  }
  if (uid !== detail.uid) return;
  const section = $('actor-detail');
  section.dataset.uid = uid;
  if (response.status === 404) {
    $('actor-detail-title').textContent = uid;
    $('actor-detail-note').textContent = 'This actor is no longer listed.';
    return;
  }
  if (!response.ok) return;
  const opened = await response.json();
  const a = opened.actor;
  $('actor-detail-title').textContent = `${a.uid} (${a.actorClass.substring(a.actorClass.lastIndexOf('.') + 1)}) in ${opened.poolId}`;
  const share = opened.classActors > 1
    ? `Calls of all ${opened.classActors} actors of ${a.actorClass} in pool "${opened.poolName}" (counted by class and pool). `
    : `Calls of ${a.actorClass} in pool "${opened.poolName}". `;
  $('actor-detail-note').textContent = share
    + `This actor: ${fmt(a.calls)} calls, backlog ${a.backlog}, ${a.inFlight.length} in flight, ${a.restarts} restarts.`;
  renderMethods(opened.methods);
}

function renderMethods(methods) {
  const names = methods.map((m) => m.method).join(',');
  const rebuild = names !== detail.methods;
  if (rebuild) {
    detail.methods = names;
    detail.charts = [];
    const rows = methods.map((m) => {
      const row = document.createElement('div');
      row.className = 'method';
      row.dataset.method = m.method;
      const info = document.createElement('div');
      const title = document.createElement('h3');
      title.textContent = m.method;
      const figures = document.createElement('div');
      figures.className = 'figures';
      for (const name of ['method-rate', 'method-errors', 'method-p50', 'method-p99']) {
        const span = document.createElement('span');
        span.className = name;
        figures.appendChild(span);
      }
      info.append(title, figures);
      const rates = document.createElement('div');
      rates.className = 'small-chart rates';
      const latency = document.createElement('div');
      latency.className = 'small-chart latency';
      row.append(info, rates, latency);
      return row;
    });
    $('actor-methods').replaceChildren(...rows);
    if (!methods.length) $('actor-methods').textContent = 'No calls counted yet.';
  }
  methods.forEach((m, i) => {
    const data = { t: m.t.map((t) => t / 1000), calls: m.calls, errors: m.errors, p50: m.p50, p95: m.p95, p99: m.p99 };
    const row = $('actor-methods').children[i];
    const last = m.t.length - 1;
    const show = (v, unit) => (v == null ? '–' : `${v}${unit}`);
    row.dataset.lastRate = String(last >= 0 ? m.calls[last] : 0);
    row.querySelector('.method-rate').textContent = `calls/s ${show(last >= 0 ? m.calls[last] : null, '')}`;
    row.querySelector('.method-errors').textContent = `errors/s ${show(last >= 0 ? m.errors[last] : null, '')}`;
    row.querySelector('.method-p50').textContent = `p50 ${show(last >= 0 ? m.p50[last] : null, ' ms')}`;
    row.querySelector('.method-p99').textContent = `p99 ${show(last >= 0 ? m.p99[last] : null, ' ms')}`;
    if (rebuild) {
      detail.charts.push([
        timeChart(row.querySelector('.rates'), 140, [['calls/s', 'calls'], ['errors/s', 'errors']], data),
        timeChart(row.querySelector('.latency'), 140, [['p50 ms', 'p50'], ['p95 ms', 'p95'], ['p99 ms', 'p99']], data),
      ]);
    } else {
      detail.charts[i].forEach((chart) => update(chart, data));
    }
  });
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
  renderNodeCharts(snapshot);
  renderGraph(snapshot);
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
$('actors').tBodies[0].addEventListener('click', (event) => {
  const row = event.target.closest('tr[data-uid]');
  if (row) openActor(row.dataset.uid);
});
$('actor-detail-close').addEventListener('click', closeActor);
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
loadHistory().then(connect);
