/*
 * Review station (issue #12): the queue of documents that need a person, and one document with its page image, the
 * cells outlined and flagged cells highlighted by reason, keyboard-first actions. Plain JavaScript, no library, no
 * build; it calls the service's own API (/api/...) like any client: reads need nothing, actions send the reviewer's
 * token as "Authorization: Bearer". Data from the service is only ever put into the page as text, never as HTML.
 */
'use strict';

// ---------------------------------------------------------------- words (Chinese first, English second)
const WORDS = {
  title: ['报表审核工作站', 'Review station'],
  signIn: ['登录', 'Sign in'], signOut: ['退出', 'Sign out'], cancel: ['取消', 'Cancel'],
  signInTitle: ['审核员登录', 'Reviewer sign-in'], reviewerName: ['审核员姓名', 'Reviewer name'],
  password: ['密码', 'Password'],
  noAccounts: ['尚无审核员账号：请管理员用 bin/reviewer add 姓名 创建。', 'No reviewer accounts yet: an administrator adds them with bin/reviewer add NAME.'],
  notSignedIn: ['未登录（只能查看）', 'not signed in (read only)'],
  needSignIn: ['请先登录后再操作。', 'Sign in first to act.'],
  rejectTitle: ['驳回整份文档', 'Reject the whole document'],
  rejectNote: ['驳回后该文档的全部记录以 REJECTED 状态推送给下游。必须填写理由。', 'Its records reach the feed as REJECTED. A comment is required.'],
  comment: ['理由', 'Comment'], rejectConfirm: ['驳回（Ctrl+Enter）', 'Reject (Ctrl+Enter)'],
  inbox: ['收件箱', 'Inbox'], inProgress: ['处理中', 'In progress'], failed: ['失败', 'Failed'],
  needsReview: ['待审核', 'Needs review'], intakePaused: ['接收已暂停', 'Intake paused'],
  queue: ['审核队列', 'Review queue'], status: ['状态', 'Status'], body: ['单位', 'Body'], year: ['年度', 'Year'],
  file: ['文件', 'File'], received: ['接收时间', 'Received'], kind: ['类型', 'Kind'],
  flaggedRows: ['待核行', 'Flagged rows'], flaggedCells: ['待核单元格', 'Flagged cells'], docFlags: ['文档标记', 'Document flags'],
  reasons: ['原因', 'Reasons'], all: ['全部', 'All'], filter: ['筛选', 'Filter'], none: ['没有符合条件的文档。', 'No documents.'],
  failedFiles: ['处理失败的文件', 'Files that failed'], todo: ['处理办法', 'What to do'],
  retry: ['重试', 'Retry'], retryTitle: ['问题解决后，把原件复制回收件箱重新处理', 'once the cause is put right: a copy of the original goes into the inbox again'], noFailed: ['没有失败的文件。', 'No failed files.'],
  retryHow: ['文件本身有误：修正后重新放入 inbox/。原因已排除（如限制已调整）：点“重试”，原件复制回收件箱重新处理（原件仍留在 failed/）。',
    'A faulty file: fix it and drop it into inbox/ again. The cause put right (a limit raised, say): Retry copies the original into the inbox again (it stays in failed/).'],
  back: ['← 返回队列', '← Queue'], page: ['页', 'Page'], noPageImage: ['此文档没有页面图像（文本文件）。', 'This document has no page images (text input).'],
  approveDoc: ['批准文档标记', 'Approve document flags'], reject: ['驳回文档', 'Reject document'],
  approveRow: ['批准此行', 'Approve row'], acceptProposal: ['采用建议', 'Accept proposal'], save: ['保存更正', 'Save correction'],
  value: ['数值', 'Value'], raw: ['识别原文', 'Raw text'], confidence: ['置信度', 'Confidence'], engine: ['来源', 'Engine'],
  rowStatus: ['行状态', 'Row status'], proposal: ['修复建议', 'Proposal'], enterAccepts: ['按 Enter 采用', 'Enter accepts it'],
  noFlagged: ['本文档没有待核单元格。', 'No flagged cells left in this document.'],
  flagged: ['待核', 'flagged'], audit: ['审计记录', 'Audit trail'], noAudit: ['暂无审核操作。', 'No review actions yet.'],
  docLevel: ['文档与表格本身的标记', 'Flags of the document and its tables'],
  when: ['时间', 'When'], who: ['审核员', 'Reviewer'], what: ['操作', 'Action'], change: ['变更', 'Change'], why: ['说明', 'Why'],
  keys: ['快捷键', 'Keys'], tables: ['表格', 'Tables'], legend: ['颜色', 'Colours'],
  kEnter: ['采用建议 / 保存输入 / 确认原值', 'accept proposal / save what you typed / confirm the value'],
  kType: ['直接输入即替换数值', 'type to replace the value'], kTab: ['下一个 / 上一个待核单元格', 'next / previous flagged cell'],
  kEsc: ['还原输入', 'undo typing'], kAltA: ['批准此行', 'approve the row'], kAltD: ['批准文档标记', 'approve the document flags'],
  kAltR: ['驳回文档（须填理由）', 'reject the document (comment required)'], kPage: ['翻页', 'page'], kAltQ: ['返回队列', 'back to the queue'],
  done: ['完成', 'done'], left: ['剩余', 'left'],
  label: ['行名称', 'Row label'], saveLabel: ['更正行名称（Enter）', 'Correct the label (Enter)'],
  kAltL: ['更正行名称（行名称被标记时）', 'correct the row label (when it is flagged)'],
};
// most telling first: a proposal (Enter takes it), then the identities, then reading doubts, then the form itself
const COLOUR_GROUPS = [
  ['c-repair', ['REPAIR_PROPOSED'], ['有修复建议', 'repair proposed']],
  ['c-sum', ['ROW_SUM_MISMATCH', 'HIERARCHY_SUM_MISMATCH', 'TOTAL_MISMATCH'], ['合计不符', 'sums']],
  ['c-cross', ['CROSS_TABLE_MISMATCH'], ['表间不符', 'between tables']],
  ['c-narr', ['NARRATIVE_MISMATCH'], ['与说明不符', 'text vs table']],
  ['c-read', ['OCR_LOW_CONFIDENCE', 'PARSE_AMBIGUOUS'], ['识别存疑', 'hard to read']],
  ['c-form', ['HEADER_UNMATCHED', 'COLUMN_MISSING', 'LABEL_UNREADABLE', 'LABEL_REPAIRED', 'SCHEMA_UNKNOWN', 'TABLE_MISSING', 'NO_CONTENT_FOUND'], ['表样问题', 'form']],
];
let lang = localStorage.getItem('review.lang') === 'en' ? 1 : 0;
const t = (k) => (WORDS[k] ? WORDS[k][lang] : k);
const tt = (k) => (WORDS[k] ? WORDS[k][0] + ' · ' + WORDS[k][1] : k);

/** The colour class of a cell or reason: the first group (most serious first) one of its codes is in. */
function colourOf(codes) {
  for (const [cls, members] of COLOUR_GROUPS) if (codes.some((c) => members.includes(c))) return cls;
  return codes.length ? 'c-form' : '';
}

// ---------------------------------------------------------------- little DOM helper: text only, never HTML
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const $ = (sel) => document.querySelector(sel);
/** Replaces an element's children, leaving out null, undefined and false (replaceChildren would print "null"). */
function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}
/** Scrolls only inside the element's scrolling box (the page and the grid), never the window. */
function reveal(el, box) {
  if (!el || !box) return;
  const b = box.getBoundingClientRect(), r = el.getBoundingClientRect();
  if (r.top < b.top) box.scrollTop -= b.top - r.top + 24;
  else if (r.bottom > b.bottom) box.scrollTop += r.bottom - b.bottom + 24;
  if (r.left < b.left) box.scrollLeft -= b.left - r.left + 24;
  else if (r.right > b.right) box.scrollLeft += r.right - b.right + 24;
}
const STATUS_WORDS = {
  NEEDS_REVIEW: ['待审核', 'needs review'], DONE: ['已完成', 'done'], ACCEPTED: ['已通过', 'accepted'], REJECTED: ['已驳回', 'rejected'],
  FAILED: ['失败', 'failed'], DUPLICATE: ['重复', 'duplicate'], PROCESSING: ['处理中', 'processing'], RECEIVED: ['已接收', 'received'],
};
/** A status badge: the words for people, the code (what the API says) in data-status and the tooltip. */
function badge(status, id) {
  const w = STATUS_WORDS[status];
  return h('span', { class: 'status ' + status, id, dataset: { status }, title: status }, w ? w[lang] : status);
}
const KIND_WORDS = {
  final_accounts: ['部门决算', 'final accounts'], budget: ['预算', 'budget'], performance: ['绩效自评', 'performance'],
  government_budget: ['政府预算', 'government budget'], government_final_accounts: ['政府决算', 'government final accounts'],
  unknown: ['未知', 'unknown'],
};
const kindWords = (k) => (KIND_WORDS[k] ? KIND_WORDS[k][lang] : k);
const when = (iso) => (iso ? new Date(iso).toLocaleString(lang ? 'en-GB' : 'zh-CN') : '');

// ---------------------------------------------------------------- the API
/*
 * Who is signed in: the service keeps the session (an HttpOnly cookie the script never sees); the page keeps the
 * reviewer's name and the session's CSRF token, sent as X-CSRF-Token on every write. The audit trail records the
 * signed-in reviewer, whatever a request body says.
 */
const session = { name: '', csrf: '', accounts: true };
async function loadSession() {
  const s = await api('/api/session');
  session.name = s.signedIn ? s.reviewer : '';
  session.csrf = s.signedIn ? s.csrfToken : '';
  session.accounts = s.accounts;
}

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, options = {}) {
  const init = { method: options.method || 'GET', headers: { Accept: 'application/json' } };
  if (options.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (init.method !== 'GET' && !options.anonymous) {
    if (!session.csrf) throw new ApiError(401, t('needSignIn'));
    init.headers['X-CSRF-Token'] = session.csrf;
  }
  const r = await fetch(path, { ...init, credentials: 'same-origin' });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!r.ok) throw new ApiError(r.status, (json && json.error) || ('HTTP ' + r.status));
  return json;
}

let flagWords = null;
async function words() {
  if (!flagWords) {
    flagWords = {};
    for (const w of (await api('/api/flags')).items) flagWords[w.code] = w;
  }
  return flagWords;
}
function reasonText(code) {
  const w = flagWords && flagWords[code];
  if (!w) return code;
  return lang ? w.reason : w.reasonZh;
}

// ---------------------------------------------------------------- toast and header
let toastTimer = null;
function toast(message, error) {
  const el = $('#toast');
  el.textContent = message;
  el.className = error ? 'error' : '';
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, error ? 8000 : 4000);
}

function renderWho() {
  $('#reviewer').textContent = session.name ? session.name : t('notSignedIn');
  $('#signin-button').hidden = !!session.name;
  $('#signout-button').hidden = !session.name;
  $('#lang-button').textContent = lang ? '中文' : 'EN';
  document.documentElement.lang = lang ? 'en' : 'zh-CN';
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  document.title = t('title');
}

async function renderHealth() {
  const box = $('#health');
  try {
    const [health, ledger] = await Promise.all([api('/api/health'), api('/api/ledger')]);
    const c = ledger.counts || {};
    const count = (key, n, alert) => h('span', { class: 'count' + (alert ? ' alert' : ''), id: 'count-' + key }, t(key) + ' ', h('b', {}, n));
    fill(box,
      count('inbox', health.inbox),
      count('inProgress', c.inProgress),
      count('needsReview', c.needsReview),
      count('failed', c.failed, c.failed > 0),
      health.intake === 'PAUSED' ? h('span', { class: 'count alert', title: health.intakeReason || '' }, t('intakePaused')) : null);
  } catch (e) {
    fill(box, h('span', { class: 'count alert' }, e.message));
  }
}

// ---------------------------------------------------------------- sign-in (the token of the review API, per tab)
function openSignIn() {
  const d = $('#signin-dialog');
  if (d.open) return;
  $('#signin-name').value = session.name;
  $('#signin-password').value = '';
  $('#signin-error').textContent = session.accounts ? '' : t('noAccounts');
  d.showModal();
  $('#signin-name').focus();
}

async function signIn(name, password) {
  try {
    const s = await api('/api/session', { method: 'POST', body: { name, password }, anonymous: true });
    session.name = s.reviewer;
    session.csrf = s.csrfToken;
    $('#signin-dialog').close();
    renderWho();
    const input = $('#value');
    if (input) input.focus();
  } catch (e) {
    $('#signin-error').textContent = (e.status ? e.status + ': ' : '') + e.message;
    $('#signin-password').select();
  }
}

async function signOut() {
  try {
    await api('/api/session', { method: 'DELETE' });
  } catch (e) {
    toast(e.message, true);
  }
  session.name = '';
  session.csrf = '';
  renderWho();
}

// ---------------------------------------------------------------- routing
function route() {
  const m = location.hash.match(/^#\/doc\/(\d+)/);
  if (m) return showDocument(Number(m[1]));
  return showQueue();
}

// ---------------------------------------------------------------- queue view
const queueState = { status: 'NEEDS_REVIEW', body: '', year: '', current: 0 };
let view = null; // the view's key handler and state

async function showQueue() {
  renderSeq++;
  view = { keys: queueKeys };
  const app = $('#app');
  const statusSel = h('select', { id: 'f-status' },
    ['NEEDS_REVIEW', 'ALL', 'DONE', 'REJECTED', 'FAILED', 'DUPLICATE', 'PROCESSING'].map((s) =>
      h('option', { value: s, selected: s === queueState.status }, s === 'ALL' ? t('all') : STATUS_WORDS[s][lang])));
  const bodyIn = h('input', { id: 'f-body', value: queueState.body, size: 20 });
  const yearIn = h('input', { id: 'f-year', value: queueState.year, size: 6, inputmode: 'numeric' });
  const apply = () => {
    queueState.status = statusSel.value; queueState.body = bodyIn.value.trim(); queueState.year = yearIn.value.trim();
    queueState.current = 0;
    loadQueue();
  };
  statusSel.addEventListener('change', apply);
  for (const i of [bodyIn, yearIn]) i.addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
  fill(app,
    h('h2', {}, t('queue')),
    h('div', { class: 'filters' },
      h('label', {}, t('status'), statusSel), h('label', {}, t('body'), bodyIn), h('label', {}, t('year'), yearIn),
      h('button', { type: 'button', onclick: apply }, t('filter'))),
    h('div', { id: 'queue-list' }, '…'),
    h('h2', {}, t('failedFiles')),
    h('p', { class: 'muted small' }, t('retryHow')),
    h('div', { id: 'failed-list' }, '…'));
  await Promise.all([loadQueue(), loadFailed(), words().catch(() => null)]);
}

async function loadQueue() {
  const q = new URLSearchParams({ status: queueState.status });
  if (queueState.body) q.set('body', queueState.body);
  if (queueState.year) q.set('year', queueState.year);
  const box = $('#queue-list');
  let items;
  try {
    items = (await api('/api/review/documents?' + q)).items;
  } catch (e) {
    fill(box, h('p', { class: 'muted' }, e.message));
    return;
  }
  await words().catch(() => null);
  if (!items.length) { fill(box, h('p', { class: 'muted', id: 'queue-empty' }, t('none'))); return; }
  const rows = items.map((d, i) => h('tr', {
    class: 'doc' + (i === queueState.current ? ' current' : ''), dataset: { id: d.documentId }, id: 'doc-' + d.documentId,
    onclick: () => { location.hash = '#/doc/' + d.documentId; },
  },
  h('td', { class: 'num' }, d.documentId),
  h('td', {}, d.fileName),
  h('td', {}, d.body || '—'),
  h('td', {}, d.fiscalYear || '—'),
  h('td', {}, kindWords(d.kind)),
  h('td', {}, when(d.receivedAt)),
  h('td', {}, badge(d.status)),
  h('td', { class: 'num' }, d.flaggedRows),
  h('td', { class: 'num' }, d.flaggedCells),
  h('td', { class: 'num' }, d.documentFlags),
  h('td', {}, d.reasons.map((r) => h('span', { class: 'reason-chip ' + colourOf([r.code]), title: r.code }, lang ? r.reason : r.reasonZh)))));
  fill(box, h('table', { class: 'list', id: 'queue' },
    h('thead', {}, h('tr', {}, ['#', t('file'), t('body'), t('year'), t('kind'), t('received'), t('status'),
      t('flaggedRows'), t('flaggedCells'), t('docFlags'), t('reasons')].map((x) => h('th', {}, x)))),
    h('tbody', {}, rows)));
}

async function loadFailed() {
  const box = $('#failed-list');
  try {
    const items = (await api('/api/review/documents?status=FAILED&limit=100')).items;
    if (!items.length) { fill(box, h('p', { class: 'muted' }, t('noFailed'))); return; }
    fill(box, h('table', { class: 'list', id: 'failed' },
      h('thead', {}, h('tr', {}, ['#', t('file'), t('received'), t('reasons'), t('todo'), ''].map((x) => h('th', {}, x)))),
      h('tbody', {}, items.map((d) => h('tr', {},
        h('td', { class: 'num' }, d.documentId), h('td', {}, d.fileName),
        h('td', {}, when(d.receivedAt)),
        h('td', { title: d.code || '' }, (lang ? d.error : d.reasonZh || d.error) || '—'),
        h('td', {}, (lang ? d.action : d.actionZh || d.action) || ''),
        h('td', {}, h('button', { type: 'button', class: 'retry', dataset: { id: d.documentId }, title: t('retryTitle'),
          onclick: () => retryFailed(d.documentId) }, t('retry'))))))));
  } catch (e) {
    fill(box, h('p', { class: 'muted' }, e.message));
  }
}

/** A failed file taken again (a copy of it into the inbox), once what made it fail was put right. */
async function retryFailed(id) {
  if (!session.csrf) { toast(t('needSignIn'), true); openSignIn(); return; }
  try {
    const out = await busyWhile(() => api('/api/documents/' + id + '/retry', { method: 'POST', body: {} }));
    toast(out.fileName + ': ' + (lang ? out.message : out.messageZh));
  } catch (e) {
    toast((e.status ? e.status + ': ' : '') + e.message, true);
    if (e.status === 401 || e.status === 403) { await loadSession().catch(() => null); renderWho(); openSignIn(); }
  }
  renderHealth();
  loadFailed();
}

function queueKeys(e) {
  if (e.target.closest('input, select, textarea')) return;
  const rows = [...document.querySelectorAll('#queue tr.doc')];
  if (!rows.length) return;
  if (e.key === 'ArrowDown' || e.key === 'j') queueState.current = Math.min(rows.length - 1, queueState.current + 1);
  else if (e.key === 'ArrowUp' || e.key === 'k') queueState.current = Math.max(0, queueState.current - 1);
  else if (e.key === 'Enter') { location.hash = '#/doc/' + rows[queueState.current].dataset.id; e.preventDefault(); return; } else return;
  e.preventDefault();
  rows.forEach((r, i) => r.classList.toggle('current', i === queueState.current));
  rows[queueState.current].scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- document view
/*
 * doc: {id, item, export, cells: [...], stops: [...indexes into cells], tableIdx, page, ppp, sel (index into cells)}
 * Every cell of the export becomes one entry in reading order (table, row, column). "Stops" are what Tab visits:
 * every flagged cell of a row that needs review, and the first cell of such a row when none of its cells is flagged.
 */
let doc = null;

/** Marks the page busy while it loads or acts (data-busy on body), so tests and scripts can wait for it. */
async function busyWhile(work) {
  document.body.dataset.busy = String(Number(document.body.dataset.busy || 0) + 1);
  try {
    return await work();
  } finally {
    const n = Number(document.body.dataset.busy) - 1;
    if (n > 0) document.body.dataset.busy = String(n); else delete document.body.dataset.busy;
  }
}

let renderSeq = 0;
function showDocument(id, keepPosition) {
  const seq = ++renderSeq;
  return busyWhile(() => loadDocument(id, keepPosition, seq));
}

async function loadDocument(id, keepPosition, seq) {
  const before = doc && doc.id === id && keepPosition ? doc : null;
  const [item, exported, queue] = await Promise.all([
    api('/api/documents/' + id), api('/api/documents/' + id + '/export'), api('/api/review?document=' + id + '&limit=1000'),
    words().catch(() => null)]);
  if (seq !== renderSeq) return; // the reviewer went elsewhere meanwhile
  const cells = [];
  exported.tables.forEach((table, ti) => {
    table.rows.forEach((row, ri) => {
      const cols = table.columns.filter((c) => row.cells && row.cells[c]);
      cols.forEach((col, ci) => {
        const c = row.cells[col];
        cells.push({
          ti, ri, ci, table, row, column: col, cellId: c.cellId, rowId: row.rowId, value: row.values ? row.values[col] : null,
          raw: c.raw, confidence: c.confidence, flags: c.flags || [], reasons: c.reasons || [], page: c.page, bbox: c.bbox,
          engine: c.engine, proposal: c.proposal, rowStatus: row.status,
        });
      });
    });
  });
  // a row with a repair proposal stops at the proposed cells only (its other flagged cells are the same broken
  // identities seen from the other side: taking the proposal clears them)
  const stops = [];
  const rowsWithStop = new Set();
  const proposed = new Set(cells.filter((c) => c.rowStatus === 'NEEDS_REVIEW' && c.proposal).map((c) => c.rowId));
  cells.forEach((c, i) => {
    if (c.rowStatus !== 'NEEDS_REVIEW') return;
    if (proposed.has(c.rowId) ? c.proposal : c.flags.length) { stops.push(i); rowsWithStop.add(c.rowId); }
  });
  cells.forEach((c, i) => {
    if (c.rowStatus === 'NEEDS_REVIEW' && !rowsWithStop.has(c.rowId)) { stops.push(i); rowsWithStop.add(c.rowId); }
  });
  stops.sort((a, b) => a - b);
  doc = {
    id, item, exported, cells, stops, queue: queue.items, page: 1, ppp: null, sel: -1, tableIdx: 0, pageUrl: null,
    total: before ? before.total : stops.length,
  };
  view = { keys: documentKeys };
  renderDocumentFrame();
  let start = stops.length ? stops[0] : (cells.length ? 0 : -1);
  if (before && before.sel >= 0) {
    // after an action: the next stop after where the reviewer was, else the same place
    const was = before.cells[before.sel];
    const pos = cells.findIndex((c) => c.cellId === was.cellId);
    const next = stops.find((s) => s > pos) ?? stops.find((s) => s >= 0);
    start = next !== undefined ? next : Math.max(0, pos);
  }
  if (start >= 0) await select(start);
  else renderDetail();
}

function renderDocumentFrame() {
  const d = doc.item;
  const docFlags = doc.queue.filter((q) => q.kind === 'document' || q.kind === 'table');
  const app = $('#app');
  fill(app,
    h('div', { class: 'docbar' },
      h('a', { href: '#/' }, t('back')),
      h('span', { class: 'name', id: 'doc-name' }, d.fileName),
      h('span', {}, (d.body || '—') + ' · ' + (d.fiscalYear || '—')),
      badge(d.status, 'doc-status'),
      h('span', { class: 'progress', id: 'progress' }),
      h('button', { type: 'button', id: 'approve-doc', onclick: approveDocument, disabled: !docFlags.length }, t('approveDoc') + ' (Alt+D)'),
      h('button', { type: 'button', id: 'reject-doc', class: 'danger', onclick: openReject, disabled: d.status === 'REJECTED' }, t('reject') + ' (Alt+R)'),
      h('button', { type: 'button', id: 'audit-button', onclick: toggleAudit }, t('audit'))),
    docFlags.length ? h('details', { class: 'docflags', id: 'docflags' },
      h('summary', {}, t('docLevel') + ' (' + docFlags.reduce((n, q) => n + q.reasons.length, 0) + ')'),
      h('ul', {}, docFlags.flatMap((q) => q.reasons.map((r) => h('li', {},
        h('span', { class: 'reason-chip ' + colourOf([r.code]) }, reasonText(r.code)),
        q.kind === 'table' ? (q.title || q.schema) + ': ' : '', r.message))))) : null,
    h('div', { class: 'legend' }, h('span', { class: 'muted small' }, t('legend') + ':'),
      COLOUR_GROUPS.map(([cls, , names]) => h('span', { class: 'reason-chip ' + cls }, names[lang]))),
    h('div', { class: 'workspace' },
      h('div', { class: 'pane' },
        h('div', { class: 'pagebar' },
          h('button', { type: 'button', onclick: () => goPage(doc.page - 1) }, '‹'),
          h('span', { id: 'page-no' }),
          h('button', { type: 'button', onclick: () => goPage(doc.page + 1) }, '›')),
        h('div', { class: 'page', id: 'page' })),
      h('div', { class: 'pane detail', id: 'detail' })),
    h('div', { class: 'tables-nav', id: 'tables-nav' }),
    h('div', { class: 'grid-wrap pane', id: 'grid' }),
    h('div', { id: 'audit', class: 'pane hidden' }));
  renderProgress();
}

function renderProgress() {
  const left = doc.stops.length;
  $('#progress').dataset.left = left;
  $('#progress').textContent = t('left') + ' ' + left + (doc.total ? ' / ' + doc.total : '');
}

async function select(index) {
  if (index < 0 || index >= doc.cells.length) return;
  doc.sel = index;
  const c = doc.cells[index];
  if (c.ti !== doc.tableIdx || !$('#grid').firstChild) { doc.tableIdx = c.ti; renderGrid(); }
  const d = doc;
  if (c.page && c.page !== doc.page || !doc.pageUrl) await loadPage(c.page || 1);
  if (doc !== d) return; // another document (or a reload of this one) took over meanwhile
  markSelection();
  // the cell's version (what a correction sends) and its current value, read fresh
  c.fresh = api('/api/cells/' + c.cellId).catch((error) => ({ error }));
  renderDetail();
}

async function loadPage(page) {
  doc.page = page;
  const box = $('#page');
  $('#page-no').textContent = t('page') + ' ' + page + (doc.item.pages ? ' / ' + doc.item.pages : '');
  if (doc.item.type === 'text/plain') {
    // no page to show: the table itself takes the page's place
    doc.pageUrl = 'none';
    fill(box, h('div', { class: 'nopage', id: 'no-page-image' }, t('noPageImage')), $('#grid'));
    return;
  }
  const d = doc;
  let image;
  try {
    image = await pageImage(doc.id, page);
  } catch (e) {
    if (doc !== d) return;
    doc.pageUrl = 'none';
    fill(box, h('div', { class: 'nopage' }, e.message));
    return;
  }
  if (doc !== d) return;
  doc.ppp = image.ppp;
  doc.pageUrl = image.url;
  const img = h('img', { src: doc.pageUrl, alt: t('page') + ' ' + page, id: 'page-image' });
  fill(box, img);
  // never wait for ever: an image taken out of the page before it loaded fires neither event
  await new Promise((ok) => { if (img.complete) ok(); else { img.onload = ok; img.onerror = ok; setTimeout(ok, 10000); } });
  if (doc === d) drawBoxes();
}

/** Page images already fetched (the last few), so an action's reload does not fetch its page again. */
const pageImages = new Map();
async function pageImage(id, page) {
  const key = id + '/' + page;
  if (pageImages.has(key)) return pageImages.get(key);
  const r = await fetch('/api/documents/' + id + '/pages/' + page + '.png');
  if (!r.ok) throw new Error((await r.json()).error);
  const image = { url: URL.createObjectURL(await r.blob()), ppp: Number(r.headers.get('X-Pixels-Per-Point')) || (150 / 72) };
  pageImages.set(key, image);
  if (pageImages.size > 8) {
    const [oldest, old] = pageImages.entries().next().value;
    URL.revokeObjectURL(old.url);
    pageImages.delete(oldest);
  }
  return image;
}

/** Every cell of this page outlined, flagged cells of rows needing review filled in their reason's colour. */
function drawBoxes() {
  const box = $('#page');
  const img = $('#page-image');
  if (!img || !img.naturalWidth) return;
  for (const old of box.querySelectorAll('.box')) old.remove();
  const k = (img.clientWidth / img.naturalWidth) * doc.ppp;
  doc.cells.forEach((c, i) => {
    if (c.page !== doc.page || !c.bbox) return;
    const flagged = c.flags.length > 0 && c.rowStatus === 'NEEDS_REVIEW';
    const el = h('div', {
      class: 'box' + (flagged ? ' flagged ' + colourOf(c.flags) : ''), dataset: { i, cell: c.cellId },
      title: c.column + ': ' + (c.value ?? '') + (c.flags.length ? ' — ' + c.flags.join(', ') : ''),
      onclick: () => select(i),
    });
    el.style.left = (c.bbox[0] * k) + 'px';
    el.style.top = (c.bbox[1] * k) + 'px';
    el.style.width = Math.max(4, c.bbox[2] * k) + 'px';
    el.style.height = Math.max(4, c.bbox[3] * k) + 'px';
    box.append(el);
  });
}
window.addEventListener('resize', () => { if (doc && view && view.keys === documentKeys) { drawBoxes(); markSelection(); } });

async function goPage(page) {
  const pages = doc.item.pages || 1;
  if (page < 1 || page > pages) return;
  await loadPage(page);
  markSelection();
}

function markSelection() {
  for (const el of document.querySelectorAll('.sel')) el.classList.remove('sel');
  const c = doc.cells[doc.sel];
  if (!c) return;
  const b = document.querySelector('#page .box[data-cell="' + c.cellId + '"]');
  if (b) { b.classList.add('sel'); reveal(b, $('#page')); }
  const g = document.querySelector('#grid td[data-cell="' + c.cellId + '"]');
  if (g) { g.classList.add('sel'); reveal(g, $('#grid')); }
}

function renderGrid() {
  const nav = $('#tables-nav');
  fill(nav, h('span', { class: 'muted small' }, t('tables') + ':'), doc.exported.tables.map((tb, ti) => {
    const open = tb.rows.filter((r) => r.status === 'NEEDS_REVIEW').length;
    return h('button', {
      type: 'button', class: ti === doc.tableIdx ? 'cur' : '',
      onclick: () => { doc.tableIdx = ti; renderGrid(); markSelection(); },
    }, (tb.title || tb.schema) + (open ? ' (' + open + ')' : ''));
  }));
  const table = doc.exported.tables[doc.tableIdx];
  if (!table) { fill($('#grid')); return; }
  const keyCols = table.rows.length ? Object.keys(table.rows[0]).filter((k) => !['values', 'cells', 'status', 'flags', 'reasons', 'rowId'].includes(k)) : [];
  const byCell = new Map(doc.cells.map((c, i) => [c.cellId, i]));
  fill($('#grid'), h('table', { class: 'grid', id: 'grid-table' },
    h('thead', {}, h('tr', {}, keyCols.map((k) => h('th', {}, k)), table.columns.map((c) => h('th', {}, c)), h('th', {}, t('status')))),
    h('tbody', {}, table.rows.map((row) => h('tr', { class: row.status },
      keyCols.map((k) => h('td', { class: 'key' }, row[k] ?? '')),
      table.columns.map((col) => {
        const c = row.cells && row.cells[col];
        if (!c) return h('td', {}, row.values ? (row.values[col] ?? '') : '');
        const i = byCell.get(c.cellId);
        const flagged = (c.flags || []).length > 0 && row.status === 'NEEDS_REVIEW';
        return h('td', {
          class: 'v' + (flagged ? ' flagged ' + colourOf(c.flags) : ''), dataset: { cell: c.cellId },
          onclick: () => select(i),
        }, row.values ? (row.values[col] ?? '') : '');
      }),
      h('td', {}, badge(row.status)))))));
}

function rowLabel(row) {
  return ['code', 'name', 'side', 'item', 'line_no', 'label'].filter((k) => row[k] !== undefined && row[k] !== null).map((k) => row[k]).join(' ');
}

function renderDetail() {
  const box = $('#detail');
  const c = doc.cells[doc.sel];
  renderProgress();
  box.dataset.cell = c ? c.cellId : '';
  if (!c) { fill(box, h('p', { class: 'muted' }, t('noFlagged')), keyHelp()); return; }
  const input = h('input', { id: 'value', value: c.value ?? '', autocomplete: 'off', spellcheck: 'false', 'aria-label': t('value') });
  input.addEventListener('input', () => input.classList.toggle('changed', input.value !== (c.value ?? '')));
  const rowReasons = (c.row.reasons || []).filter((r) => !c.reasons.some((x) => x.code === r.code && x.message === r.message));
  fill(box,
    h('h3', {}, (c.table.title || c.table.schema) + ' — ' + rowLabel(c.row)),
    h('div', { class: 'where' }, c.column + ' · ' + t('page') + ' ' + (c.page ?? '—') + ' · #' + c.cellId
      + (doc.stops.includes(doc.sel) ? ' · ' + t('flagged') : '')),
    h('div', { class: 'value' }, input),
    c.proposal ? h('div', { class: 'proposal', id: 'proposal' }, t('proposal') + ': ', h('b', {}, c.proposal), ' — ', t('enterAccepts')) : null,
    h('dl', {},
      h('dt', {}, t('raw')), h('dd', { id: 'raw' }, c.raw ?? '—'),
      h('dt', {}, t('confidence')), h('dd', { id: 'confidence' }, c.confidence ?? '—'),
      h('dt', {}, t('engine')), h('dd', {}, c.engine ?? '—'),
      h('dt', {}, t('rowStatus')), h('dd', {}, badge(c.rowStatus, 'row-status'))),
    h('ul', { class: 'reasons', id: 'reasons' }, [...c.reasons, ...rowReasons].map((r) => h('li', { class: colourOf([r.code]) },
      h('div', {}, reasonText(r.code), ' ', h('span', { class: 'muted small' }, r.code)),
      h('div', { class: 'msg' }, r.message)))),
    labelEditor(c),
    h('div', { class: 'actions' },
      c.proposal ? h('button', { type: 'button', class: 'primary', onclick: () => acceptProposal() }, t('acceptProposal') + ' (Enter)') : null,
      h('button', { type: 'button', onclick: () => correct(input.value) }, t('save') + ' (Enter)'),
      h('button', { type: 'button', onclick: approveRow, disabled: c.rowStatus !== 'NEEDS_REVIEW' }, t('approveRow') + ' (Alt+A)')),
    c.bbox && c.page && doc.item.type !== 'text/plain'
      ? h('div', { class: 'crop' }, h('img', { src: '/api/cells/' + c.cellId + '/crop.png', alt: 'crop', id: 'crop' })) : null,
    keyHelp());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      if (input.value !== (c.value ?? '')) correct(input.value);
      else if (c.proposal) acceptProposal();
      else correct(input.value); // the value as read is right: confirm it
    } else if (e.key === 'Escape') {
      e.preventDefault();
      input.value = c.value ?? '';
      input.classList.remove('changed');
      input.select();
    }
  });
  input.focus();
  input.select();
}

function keyHelp() {
  const k = (keys, word) => h('div', {}, keys.map((x) => h('kbd', {}, x)), ' ', t(word));
  return h('div', { class: 'keys', id: 'keys' }, h('b', {}, t('keys')),
    k(['Enter'], 'kEnter'), k(['0-9'], 'kType'), k(['Tab', 'Shift+Tab'], 'kTab'), k(['Esc'], 'kEsc'),
    k(['Alt+A'], 'kAltA'), k(['Alt+L'], 'kAltL'), k(['Alt+D'], 'kAltD'), k(['Alt+R'], 'kAltR'), k(['PgUp', 'PgDn'], 'kPage'), k(['Alt+Q'], 'kAltQ'));
}

function documentKeys(e) {
  if ($('#reject-dialog').open || $('#signin-dialog').open) return;
  if (e.key === 'Tab') {
    e.preventDefault();
    if (!doc.stops.length) return;
    const pos = doc.sel;
    const next = e.shiftKey
      ? [...doc.stops].reverse().find((s) => s < pos) ?? doc.stops[doc.stops.length - 1]
      : doc.stops.find((s) => s > pos) ?? doc.stops[0];
    select(next);
  } else if (e.altKey && e.code === 'KeyA') { e.preventDefault(); approveRow(); }
  else if (e.altKey && e.code === 'KeyD') { e.preventDefault(); approveDocument(); }
  else if (e.altKey && e.code === 'KeyL') { e.preventDefault(); const l = $('#label'); if (l) { l.focus(); l.select(); } }
  else if (e.altKey && e.code === 'KeyR') { e.preventDefault(); openReject(); }
  else if (e.altKey && e.code === 'KeyQ') { e.preventDefault(); location.hash = '#/'; }
  else if (e.key === 'PageDown') { e.preventDefault(); goPage(doc.page + 1); }
  else if (e.key === 'PageUp') { e.preventDefault(); goPage(doc.page - 1); }
}

// ---------------------------------------------------------------- actions: each answers the statuses re-computed
let busy = false;
async function act(run) {
  if (busy) return;
  if (!session.csrf) { toast(t('needSignIn'), true); openSignIn(); return; }
  busy = true;
  document.body.dataset.busy = String(Number(document.body.dataset.busy || 0) + 1);
  try {
    const out = await run();
    const row = out.rowStatus ? t('rowStatus') + ' ' + out.rowStatus + ' · ' : '';
    toast(out.action + ' ✓ ' + row + 'document ' + out.documentStatus);
    await showDocument(doc.id, true);
    renderHealth();
  } catch (e) {
    toast((e.status ? e.status + ': ' : '') + e.message, true);
    if (e.status === 401 || e.status === 403) { await loadSession().catch(() => null); renderWho(); openSignIn(); }
    else if (e.status === 409) await showDocument(doc.id, true);
  } finally {
    busy = false;
    const n = Number(document.body.dataset.busy) - 1;
    if (n > 0) document.body.dataset.busy = String(n); else delete document.body.dataset.busy;
  }
}

/** The cell's version as read when it was selected; read again if that read failed (the error says why). */
async function version(c) {
  const fresh = await c.fresh;
  if (fresh && !fresh.error) return fresh.version;
  if (fresh) console.warn('reading cell ' + c.cellId + ' failed, reading it again:', String(fresh.error));
  return (await api('/api/cells/' + c.cellId)).version;
}

function correct(value) {
  const c = doc.cells[doc.sel];
  return act(async () => api('/api/cells/' + c.cellId + '/correction', {
    method: 'POST', body: { value: value.trim() === '' ? null : value.trim(), version: await version(c), reviewer: session.name },
  }));
}

function acceptProposal() {
  const c = doc.cells[doc.sel];
  return act(async () => api('/api/cells/' + c.cellId + '/proposal-acceptance', {
    method: 'POST', body: { version: await version(c), reviewer: session.name },
  }));
}

/** The field that holds a row's label: name (coded forms), item (summaries) or label (performance and unknown forms). */
function labelField(row) {
  return ['name', 'item', 'label'].find((k) => typeof row[k] === 'string') || null;
}

/** For a row whose label is flagged (LABEL_UNREADABLE, LABEL_REPAIRED): the label, ready to be corrected (Alt+L). */
function labelEditor(c) {
  const field = labelField(c.row);
  if (!field || c.rowStatus !== 'NEEDS_REVIEW' || !(c.row.flags || []).some((f) => f.startsWith('LABEL_'))) return null;
  const input = h('input', { id: 'label', value: c.row[field], autocomplete: 'off', spellcheck: 'false', 'aria-label': t('label') });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); correctLabel(field, input.value.trim()); }
    else if (e.key === 'Escape') { e.preventDefault(); input.value = c.row[field]; $('#value').focus(); }
  });
  return h('label', { class: 'label-edit' }, h('span', { class: 'muted small' }, t('label') + ' (' + field + ', Alt+L)'), input);
}

function correctLabel(field, value) {
  const c = doc.cells[doc.sel];
  const item = doc.queue.find((q) => q.kind === 'row' && q.rowId === c.rowId);
  if (!value || !item) return null;
  return act(() => api('/api/rows/' + c.rowId + '/label-correction', {
    method: 'POST', body: { field, value, version: item.version, reviewer: session.name },
  }));
}

function approveRow() {
  const c = doc.cells[doc.sel];
  if (!c || c.rowStatus !== 'NEEDS_REVIEW') return null;
  return act(() => api('/api/rows/' + c.rowId + '/approval', { method: 'POST', body: { reviewer: session.name } }));
}

function approveDocument() {
  return act(() => api('/api/documents/' + doc.id + '/approval', { method: 'POST', body: { reviewer: session.name } }));
}

function openReject() {
  if (!session.csrf) { toast(t('needSignIn'), true); openSignIn(); return; }
  $('#reject-comment').value = '';
  $('#reject-dialog').showModal();
  $('#reject-comment').focus();
}

function submitReject() {
  const comment = $('#reject-comment').value.trim();
  if (!comment) { $('#reject-comment').focus(); return; }
  $('#reject-dialog').close();
  act(() => api('/api/documents/' + doc.id + '/rejection', { method: 'POST', body: { reviewer: session.name, comment } }));
}

async function toggleAudit() {
  const box = $('#audit');
  box.classList.toggle('hidden');
  if (box.classList.contains('hidden')) return;
  const items = (await api('/api/audit?document=' + doc.id + '&limit=1000')).items;
  fill(box, h('h2', {}, t('audit')), items.length ? h('table', { class: 'list audit', id: 'audit-table' },
    h('thead', {}, h('tr', {}, [t('when'), t('who'), t('what'), t('change'), t('status'), t('why')].map((x) => h('th', {}, x)))),
    h('tbody', {}, items.map((a) => h('tr', {},
      h('td', {}, when(a.at)), h('td', {}, a.reviewer), h('td', {}, a.action + (a.column ? ' · ' + a.column : '')),
      h('td', {}, a.oldValue !== null || a.newValue !== null ? (a.oldValue ?? '∅') + ' → ' + (a.newValue ?? '∅') : ''),
      h('td', {}, (a.statusBefore ?? '') + ' → ' + (a.statusAfter ?? '')), h('td', {}, a.comment ?? '')))))
    : h('p', { class: 'muted' }, t('noAudit')));
  box.scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- start
document.addEventListener('keydown', (e) => { if (view && view.keys) view.keys(e); });
document.addEventListener('DOMContentLoaded', () => {
  $('#signin-button').addEventListener('click', openSignIn);
  $('#signout-button').addEventListener('click', signOut);
  $('#lang-button').addEventListener('click', () => {
    lang = 1 - lang;
    localStorage.setItem('review.lang', lang ? 'en' : 'zh');
    renderWho();
    route();
  });
  $('#signin-cancel').addEventListener('click', () => $('#signin-dialog').close());
  $('#signin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $('#signin-name').value.trim();
    const password = $('#signin-password').value;
    if (name && password) signIn(name, password);
  });
  $('#reject-cancel').addEventListener('click', () => $('#reject-dialog').close());
  $('#reject-form').addEventListener('submit', (e) => { e.preventDefault(); submitReject(); });
  $('#reject-comment').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) { e.preventDefault(); submitReject(); }
  });
  window.addEventListener('hashchange', () => route().catch((e) => toast(e.message, true)));
  renderWho();
  loadSession().catch(() => null).then(renderWho);
  renderHealth();
  setInterval(renderHealth, 15000);
  route().catch((e) => toast(e.message, true));
});
