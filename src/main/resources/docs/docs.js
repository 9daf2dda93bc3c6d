// The docs site: the graph of the flow (cytoscape, laid out by the pipeline), a page per node, column lineage and
// search, all from docs-data.js, so that the page works opened from the file system as well as served.
'use strict';
(function () {
  const data = window.MGP_DOCS;
  const nodes = data.manifest.nodes;
  const ids = Object.keys(nodes);
  const SEP = '::';
  const COLORS = { endpoint: '#7b4fb5', route: '#c0762a', source: '#8a6d3b', model: '#2c6fbb' };
  const KIND_NAMES = { endpoint: 'API endpoints', route: 'Crawl routes', source: 'Bronze sources', model: 'Models' };
  const BADGES = { not_null: 'N', unique: 'U', accepted_values: 'A', relationships: 'F' };

  const parents = {}, children = {};
  ids.forEach(id => { parents[id] = []; children[id] = []; });
  data.manifest.edges.forEach(e => { children[e.source].push(e.target); parents[e.target].push(e.source); });
  const upstreamOf = {}, downstreamOf = {};
  ids.forEach(id => nodes[id].columns.forEach(column => {
    const key = id + SEP + column.name;
    upstreamOf[key] = column.upstream || [];
    upstreamOf[key].forEach(up => (downstreamOf[up] = downstreamOf[up] || []).push(key));
  }));

  const $ = id => document.getElementById(id);
  const esc = text => String(text == null ? '' : text).replace(/[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  // the graph's selection goes in every address too, so that a page and what the graph shows can be shared
  let selection = '';
  const link = (id, column) => '#' + new URLSearchParams(Object.entries({ node: id, column, select: selection })
    .filter(entry => entry[1])).toString();
  const here = () => new URLSearchParams(location.hash.slice(1));
  // a column's key is <node id>::<column>; node ids never hold '::', column names may
  const nodeOf = key => key.includes(SEP) ? key.slice(0, key.indexOf(SEP)) : null;
  const columnOf = key => key.slice(key.indexOf(SEP) + SEP.length);
  const keyLink = key => nodes[nodeOf(key)]
    ? '<a href="' + link(nodeOf(key), columnOf(key)) + '">' + esc(nodes[nodeOf(key)].label) + ' · ' + esc(columnOf(key)) + '</a>'
    : esc(key);

  const cy = cytoscape({
    container: $('graph'),
    layout: { name: 'preset', padding: 30 },
    minZoom: 0.2,
    maxZoom: 3,
    elements: ids.map(id => ({
      group: 'nodes',
      data: { id, label: nodes[id].label, color: COLORS[nodes[id].kind], w: 24 + 6.6 * nodes[id].label.length },
      position: nodes[id].position
    })).concat(data.manifest.edges.map(e => ({ group: 'edges', data: { id: e.source + '->' + e.target, source: e.source, target: e.target } }))),
    style: [
      { selector: 'node', style: { shape: 'round-rectangle', 'background-color': 'data(color)', label: 'data(label)', color: '#fff',
        'text-valign': 'center', 'text-halign': 'center', 'font-size': 11, width: 'data(w)', height: 26 } },
      { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#9aa3b5',
        'target-arrow-color': '#9aa3b5' } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: 'node.current', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'node.lineage', style: { 'border-width': 4, 'border-color': '#f5b301' } },
      { selector: 'edge.lineage', style: { width: 3, 'line-color': '#f5b301', 'target-arrow-color': '#f5b301' } }
    ]
  });
  cy.on('tap', 'node', event => { location.hash = link(event.target.id()); });

  /** What is reachable from start, nearest first. */
  function closure(start, next) {
    const seen = new Set(), queue = [start];
    while (queue.length) {
      (next[queue.shift()] || []).forEach(n => { if (!seen.has(n)) { seen.add(n); queue.push(n); } });
    }
    return seen;
  }

  /**
   * The nodes a name selects: the one of that id, else every one of that label or path, else every one whose id
   * ends with it (events: bronze.events, silver.events and GET /events).
   */
  function resolve(name) {
    if (nodes[name]) return [name];
    const named = ids.filter(id => nodes[id].label === name || nodes[id].path === name);
    return named.length ? named : ids.filter(id => id.endsWith('.' + name) || id.endsWith(':' + name) || id.endsWith(':/' + name));
  }

  /** dbt's graph selection: name, +name (and its ancestors), name+ (and descendants), +name+; nothing: everything. */
  function select(expression) {
    const parts = /^(\+?)(.*?)(\+?)$/.exec(expression.trim());
    if (!parts[2]) {
      showAll();
      return ids;
    }
    selection = expression.trim();
    const found = resolve(parts[2]);
    if (!found.length) {
      $('selected').textContent = 'no node called ' + parts[2];
      return [];
    }
    const keep = new Set(found);
    found.forEach(id => {
      if (parts[1]) closure(id, parents).forEach(n => keep.add(n));
      if (parts[3]) closure(id, children).forEach(n => keep.add(n));
    });
    cy.batch(() => cy.nodes().forEach(n => n.toggleClass('hidden', !keep.has(n.id()))));
    cy.fit(cy.nodes().not('.hidden'), 30);
    $('selected').textContent = keep.size + ' of ' + ids.length + ' nodes';
    return [...keep];
  }

  function showAll() {
    selection = '';
    cy.nodes().removeClass('hidden');
    cy.fit(undefined, 30);
    $('selected').textContent = ids.length + ' nodes';
  }

  /** Highlights the nodes and edges a column's lineage passes through; returns its upstream and downstream columns. */
  function highlight(key) {
    cy.elements().removeClass('lineage');
    if (!key) return { up: [], down: [] };
    const up = [...closure(key, upstreamOf)], down = [...closure(key, downstreamOf)];
    const touched = new Set([key].concat(up, down).map(nodeOf));
    // an answer field goes to bronze through the crawl route that fetched it
    ids.filter(id => nodes[id].kind === 'route' && parents[id].some(p => touched.has(p)) && children[id].some(c => touched.has(c)))
      .forEach(id => touched.add(id));
    cy.batch(() => {
      cy.nodes().filter(n => touched.has(n.id())).addClass('lineage');
      cy.edges().filter(e => touched.has(e.data('source')) && touched.has(e.data('target'))).addClass('lineage');
    });
    return { up, down };
  }

  function table(headers, rows) {
    if (!rows.length) return '<p>None.</p>';
    return '<table><tr>' + headers.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr>' + rows.join('') + '</table>';
  }

  function statusCell(status) {
    return status ? '<td class="status-' + esc(status) + '">' + esc(status) + '</td>' : '<td>not run</td>';
  }

  function columnsSection(node, chosen) {
    const rows = node.columns.map(column => '<tr class="column' + (column.name === chosen ? ' chosen' : '') + '" data-column="'
      + esc(column.name) + '"><td><a href="' + link(node.id, column.name) + '">' + esc(column.name) + '</a></td><td>'
      + esc(column.type) + '</td><td>' + esc(column.description) + '</td><td>'
      + (column.tests || []).map(t => '<span class="badge" title="' + esc(t) + '">' + (BADGES[t] || '+') + '</span>').join('')
      + '</td></tr>');
    return '<h2>Columns</h2>' + table(['column', 'type', 'description', 'tests'], rows)
      + (node.lineage_unresolved ? '<p class="unresolved">Lineage not followed: ' + esc(node.lineage_unresolved) + '</p>' : '');
  }

  function lineageSection(node, column) {
    const key = node.id + SEP + column;
    const found = highlight(key);
    const direct = (upstreamOf[key] || []).map(k => '<li>' + keyLink(k) + '</li>').join('');
    const list = keys => keys.length ? '<ul class="lineage">' + keys.map(k => '<li>' + keyLink(k) + '</li>').join('') + '</ul>' : '<p>None.</p>';
    return '<h2 id="lineage">Lineage of ' + esc(column) + '</h2>'
      + '<h3>Computed from</h3>' + (direct ? '<ul class="lineage" id="direct-upstream">' + direct + '</ul>' : '<p>Nothing: it enters the flow here.</p>')
      + '<h3>All upstream columns, nearest first</h3><div id="upstream">' + list(found.up) + '</div>'
      + '<h3>All downstream columns, nearest first</h3><div id="downstream">' + list(found.down) + '</div>';
  }

  function testsSection(node) {
    const rows = (node.tests || []).map(t => '<tr class="test"><td>' + esc(t.name) + '</td><td>' + esc(t.type) + '</td><td>'
      + esc(t.column || '') + '</td><td>' + esc(t.severity) + '</td>' + statusCell(t.status) + '<td>' + esc(t.failures == null ? '' : t.failures)
      + '</td><td>' + (t.stored ? '<a href="' + esc(encodeURI(t.stored_href)) + '" title="' + esc(t.stored) + '"><code>'
        + esc(t.stored.split('/').pop()) + '</code></a>' : '') + '</td></tr>');
    return '<h2>Data tests</h2>' + table(['test', 'type', 'column', 'severity', 'last status', 'failing rows', 'stored failures'], rows);
  }

  function historySection(node) {
    if (!node.history) return '';
    const rows = node.history.map(v => '<tr><td>' + esc(v.committed.replace('T', ' ').replace(/\.\d+Z$/, 'Z')) + '</td><td>'
      + esc(v.run_id || '-') + '</td><td>' + esc(v.operation) + '</td><td>' + esc(v.rows.toLocaleString('en')) + '</td><td><code>'
      + esc(v.snapshot) + '</code></td><td>' + esc(v.refs.join(', ')) + '</td></tr>');
    const refs = node.history.flatMap(v => v.refs.map(r => '<tr><td>' + esc(r) + '</td><td><code>' + esc(v.snapshot) + '</code></td></tr>'));
    return '<h2>Versions (Iceberg snapshots)</h2>' + table(['committed (UTC)', 'run', 'operation', 'rows', 'snapshot', 'refs'], rows)
      + '<h2>Branches and tags</h2>' + table(['ref', 'snapshot'], refs);
  }

  function neighbours(title, list) {
    return '<h2>' + title + '</h2>' + (list.length ? '<ul>' + list.map(id => '<li><a href="' + link(id) + '">' + esc(nodes[id].label)
      + '</a></li>').join('') + '</ul>' : '<p>None.</p>');
  }

  function kindDetails(node) {
    if (node.kind === 'endpoint') {
      return '<p><code>GET ' + esc(node.path) + '</code>' + (node.route ? ', answered by the route <code>' + esc(node.route) + '</code>'
        + (node.answered_by ? ' (' + esc(node.answered_by) + ')' : '') : '') + '</p><h2>Parameters</h2>'
        + table(['name', 'in', 'required'], node.parameters.map(p => '<tr><td>' + esc(p.name) + '</td><td>' + esc(p.type)
          + '</td><td>' + (p.required ? 'yes' : 'no') + '</td></tr>'));
    }
    if (node.kind === 'route') {
      return '<p>From <code>' + esc(node.from) + '</code>; requests <code>' + esc(node.endpoint) + '</code>; lands answers in bronze <code>'
        + esc(node.table) + '</code>.</p>' + neighbours('Hands each item to', node.calls);
    }
    const build = node.last_build;
    return '<p>' + (node.rows == null ? 'No rows yet.' : esc(node.rows.toLocaleString('en')) + ' rows.')
      + (build ? ' Last build: <span class="status-' + esc(build.status) + '">' + esc(build.status) + '</span>, run '
        + esc(build.invocation_id) + '.' : '') + (node.file ? ' Declared in <code>' + esc(node.file) + '</code>.' : '') + '</p>';
  }

  function render() {
    const params = here();
    const id = params.get('node');
    const column = params.get('column');
    const wanted = params.get('select') || '';
    if (wanted !== selection) {
      $('select').value = wanted;
      wanted ? select(wanted) : showAll();
    }
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('current', a.dataset.id === id));
    cy.nodes().removeClass('current');
    if (!id || !nodes[id]) {
      highlight(null);
      $('page').innerHTML = (id ? '<p class="unresolved">No node ' + esc(id) + ' in this site.</p>' : '')
        + '<h1>' + ids.length + ' nodes, from the API to gold</h1><p>Click a node in the graph or the list, or search. '
        + 'Select with dbt\'s syntax: <code>+gold.mgp</code> is gold and everything it is made from.</p>';
      return;
    }
    const node = nodes[id];
    cy.getElementById(id).addClass('current');
    $('page').innerHTML = '<h1><span class="kind ' + esc(node.kind) + '">' + esc(node.kind) + '</span> ' + esc(node.label) + '</h1>'
      + '<p>' + esc(node.description) + '</p>' + kindDetails(node) + columnsSection(node, column)
      + (column ? lineageSection(node, column) : '') + (node.tests ? testsSection(node) : '')
      + (node.sql ? '<h2>SQL</h2><pre>' + esc(node.sql) + '</pre>' : '') + historySection(node)
      + neighbours('Depends on', parents[id]) + neighbours('Referenced by', children[id]);
    if (column) {
      $('lineage').scrollIntoView();
    } else {
      highlight(null);
      $('page').scrollTop = 0;
    }
  }

  function search(text) {
    const box = $('results');
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) { box.hidden = true; return; }
    const matches = (...fields) => words.every(w => fields.some(f => String(f || '').toLowerCase().includes(w)));
    const found = [];
    ids.forEach(id => {
      const node = nodes[id];
      if (matches(id, node.label, node.description)) found.push('<a href="' + link(id) + '">' + esc(node.label) + ' <small>' + esc(node.description) + '</small></a>');
      node.columns.forEach(c => {
        if (matches(c.name, c.description)) found.push('<a href="' + link(id, c.name) + '">' + esc(node.label) + ' · ' + esc(c.name)
          + ' <small>' + esc(c.description) + '</small></a>');
      });
    });
    box.innerHTML = found.length ? found.slice(0, 60).join('') : '<a>No match.</a>';
    box.hidden = false;
  }

  function exportPng() {
    const a = document.createElement('a');
    a.href = cy.png({ full: true, scale: 2, bg: '#ffffff' });
    a.download = 'mgp-lineage.png';
    a.click();
  }

  $('nodes').innerHTML = Object.keys(KIND_NAMES).map(kind => '<h3>' + KIND_NAMES[kind] + '</h3>'
    + ids.filter(id => nodes[id].kind === kind).map(id => '<a href="' + link(id) + '" data-id="' + esc(id) + '">' + esc(nodes[id].label) + '</a>').join('')).join('');
  $('generated').textContent = 'generated ' + data.manifest.metadata.generated_at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  // a new selection changes the address, not the page
  const keepInAddress = () => history.replaceState(null, '', link(here().get('node'), here().get('column')));
  $('selection').addEventListener('submit', event => {
    event.preventDefault();
    select($('select').value);
    keepInAddress();
  });
  $('show-all').addEventListener('click', () => {
    showAll();
    keepInAddress();
  });
  // the list's links were made before any selection: they take the current one when followed
  $('nodes').addEventListener('click', event => {
    const target = event.target.closest('a[data-id]');
    if (target) {
      event.preventDefault();
      location.hash = link(target.dataset.id);
    }
  });
  $('fit').addEventListener('click', () => cy.fit(cy.nodes().not('.hidden'), 30));
  $('png').addEventListener('click', exportPng);
  $('search').addEventListener('input', event => search(event.target.value));
  // a column's whole row opens its lineage, not only its name
  $('page').addEventListener('click', event => {
    const row = event.target.closest('tr.column');
    if (row && !event.target.closest('a')) location.hash = link(here().get('node'), row.dataset.column);
  });
  $('results').addEventListener('click', () => { $('results').hidden = true; $('search').value = ''; });
  window.addEventListener('hashchange', render);
  showAll();
  render();
  // what the browser test reads: the graph, and when it became interactive (ms since navigation started)
  window.mgpDocs = { cy, select, showAll, highlight, readyMs: performance.now() };
})();
