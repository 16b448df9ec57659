// Command-line importer of enterprise data (企业数据批量导入): logs in, creates the import, uploads
// the file straight to object storage with the presigned URL, starts the import and draws a
// progress bar from the polled progress until it is done; then prints where the rejects report is.
// Node 20's own fetch, no packages. Usage: see enterprises.sh.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';

const TYPES = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function usage(message) {
  if (message) console.error(message);
  console.error('usage: infra/import/enterprises.sh [--api URL] (--user NAME [--password PW] | --token JWT) FILE.csv|FILE.xlsx');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { api: 'http://localhost:8080', password: process.env.HUIQI_PASSWORD ?? 'Huiqi-Demo-2026' };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--api' || a === '--user' || a === '--password' || a === '--token') {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      opts[a.slice(2)] = argv[++i];
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`);
    } else {
      rest.push(a);
    }
  }
  if (rest.length !== 1) usage('give exactly one file');
  if (!opts.user && !opts.token) usage('give --user (local stack login) or --token');
  opts.file = rest[0];
  return opts;
}

async function call(opts, method, path, token, body) {
  const res = await fetch(opts.api.replace(/\/$/, '') + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const why = json?.message ? `${json.code}: ${json.message.zh} / ${json.message.en}` : text;
    throw new Error(`${method} ${path} answered ${res.status} ${why}`);
  }
  return json;
}

function bar(progress, state) {
  const width = 40;
  const filled = Math.round((progress.percent / 100) * width);
  const total = progress.total === undefined ? '?' : progress.total.toLocaleString('en');
  const rate = progress.rowsPerSecond === undefined ? '' : ` ${Math.round(progress.rowsPerSecond).toLocaleString('en')} rows/s`;
  const left = progress.secondsLeft === undefined ? '' : `, ${progress.secondsLeft} s left`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(progress.percent).padStart(3)}% `
    + `${progress.processed.toLocaleString('en')}/${total}${rate}${left} ${state}`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const type = TYPES[extname(opts.file).toLowerCase()];
  if (!type) usage('the file must be .csv or .xlsx');
  const token = opts.token ?? (await call(opts, 'POST', '/local/login', null,
    { username: opts.user, password: opts.password })).idToken;

  const created = await call(opts, 'POST', '/enterprise-imports', token, { contentType: type });
  const id = created.job.id;
  console.log(`import ${id}: uploading ${statSync(opts.file).size.toLocaleString('en')} bytes`);
  const put = await fetch(created.upload.url, { method: 'PUT', headers: { 'content-type': type }, body: readFileSync(opts.file) });
  if (!put.ok) throw new Error(`upload answered ${put.status} ${await put.text()}`);
  await call(opts, 'POST', `/enterprise-imports/${id}/start`, token, { version: created.version });

  const tty = process.stdout.isTTY;
  let view;
  let last = '';
  for (;;) {
    view = await call(opts, 'GET', `/enterprise-imports/${id}`, token);
    const line = bar(view.progress, view.job.state);
    if (tty) {
      process.stdout.write(`\r${line}\x1b[K`);
    } else if (line.slice(0, 46) !== last.slice(0, 46)) {
      console.log(line); // not a terminal: one line per change of the bar
    }
    last = line;
    if (view.job.state === 'COMPLETED' || view.job.state === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  if (tty) process.stdout.write('\n');
  const job = view.job;
  if (job.state === 'FAILED') {
    console.error(`failed: ${job.error.zh} / ${job.error.en}`);
    process.exit(1);
  }
  console.log(`imported ${job.imported}, unchanged ${job.unchanged}, rejected ${job.rejected}`);
  const rejects = await call(opts, 'GET', `/enterprise-imports/${id}/rejects`, token);
  console.log(`rejects report (valid until ${rejects.expiresAt}): ${rejects.url}`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
