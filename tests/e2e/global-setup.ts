// Starts the real Casebook server for the test run and returns its teardown.
//
// - Binary: $CASEBOOK_BIN, else $CARGO_TARGET_DIR/{debug,release}/casebook (newest), where
//   CARGO_TARGET_DIR defaults to ~/.cache/casebook/target like scripts/env.sh.
// - A fresh temp SQLite database, ./dist as the SPA, a free port on 127.0.0.1.
// - Sets CASEBOOK_E2E_URL for the workers. If CASEBOOK_E2E_URL is already set, that server is
//   used as is and nothing is started (handy while iterating on a running server).
// - Server output goes to tests/e2e/artifacts/server.log.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ADMIN } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(__dirname, 'artifacts');

function resolveBinary(): string {
  if (process.env.CASEBOOK_BIN) return process.env.CASEBOOK_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? path.join(os.homedir(), '.cache/casebook/target');
  const candidates = ['debug', 'release']
    .map((p) => path.join(target, p, 'casebook'))
    .filter((p) => fs.existsSync(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (candidates.length === 0) {
    throw new Error(
      `no casebook binary in ${target}/{debug,release}: run "cargo build -p casebook-server" or set CASEBOOK_BIN`,
    );
  }
  return candidates[0];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`casebook exited with code ${child.exitCode}; see ${ARTIFACTS}/server.log`);
    }
    try {
      const res = await fetch(`${url}/internal/security/me`, {
        headers: { authorization: ADMIN.basic },
      });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`casebook did not answer at ${url} within ${timeoutMs} ms (${lastError})`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (process.env.CASEBOOK_E2E_URL) {
    return async () => {};
  }
  const dist = process.env.CASEBOOK_DIST ?? path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run scripts/build-ui.sh`);
  }
  const bin = resolveBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(ARTIFACTS, 'server.log'), 'w');
  const child = spawn(
    bin,
    ['serve', '--bind', `127.0.0.1:${port}`, '--database', path.join(dir, 'db.sqlite'), '--dist', dist],
    {
      cwd: ROOT,
      env: { ...process.env, CASEBOOK_ELASTIC_PASSWORD: ADMIN.password, RUST_LOG: process.env.RUST_LOG ?? 'warn' },
      stdio: ['ignore', log, log],
    },
  );
  try {
    await waitUntilUp(url, child, 30_000);
  } catch (e) {
    child.kill('SIGTERM');
    throw e;
  }
  process.env.CASEBOOK_E2E_URL = url;
  console.log(`casebook ${bin} serving ${url} (database in ${dir})`);

  return async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    fs.closeSync(log);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
