/**
 * issue 8 item 10: connections that say nothing, or too little too slowly, are closed by the
 * host on 127.0.0.1, and there is a cap on how many may be open. The limits are configured
 * short here; each check waits for the socket's own close, never a fixed sleep, and a socket
 * the host kept open would fail the test by its time-out.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host, type HostLimits } from '../../main/host/server';
import type { StationCalls } from '../../main/dispatch';
import { openTestStation, tempDir } from '../helpers/station';
import { browserHeaders } from '../helpers/host-session';

interface Raw {
  socket: net.Socket;
  /** everything the host sent */
  received(): string;
  closed: Promise<void>;
  isClosed(): boolean;
}

function connect(host: Host): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let data = '';
    let closed = false;
    socket.on('data', (c: Buffer) => (data += c.toString('latin1')));
    const closedP = new Promise<void>((r) => socket.once('close', () => ((closed = true), r())));
    socket.once('error', () => {});
    socket.once('connect', () => resolve({ socket, received: () => data, closed: closedP, isClosed: () => closed }));
    socket.once('error', reject);
  });
}

function head(host: Host, pathname: string, headers: Record<string, string>, body: string): string {
  const lines = Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)) }).map(([k, v]) => `${k}: ${v}`);
  return `POST ${pathname} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

describe('browser-mode host connection limits', () => {
  let station: Awaited<ReturnType<typeof openTestStation>>;
  const staticDir = tempDir('sd-static-');
  const hosts: Host[] = [];
  const open = async (limits: Partial<HostLimits>, calls?: StationCalls) => {
    const h = await startHost({ station: calls ?? station.calls, staticDir, limits });
    hosts.push(h);
    return h;
  };

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>StationDesk</title>');
    station = await openTestStation();
  });
  afterAll(async () => {
    for (const h of hosts) await h.close();
    station.close();
  });

  it('closes a connection that never sends anything', async () => {
    const host = await open({ idleMs: 150 });
    const silent = await Promise.all(Array.from({ length: 20 }, () => connect(host)));
    await Promise.all(silent.map((s) => s.closed));
    expect(silent.every((s) => s.received() === '')).toBe(true);
  });

  it('closes a connection whose request head trickles in slower than the header limit allows', async () => {
    const host = await open({ idleMs: 5_000, headersMs: 300, requestMs: 300 });
    const s = await connect(host);
    s.socket.write(`POST /api/app.info HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\n`);
    // one header byte now and then: never idle long enough for the idle limit, never finished
    const drip = setInterval(() => s.socket.writable && s.socket.write('x'), 50);
    await s.closed;
    clearInterval(drip);
    expect(s.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose body never finishes', async () => {
    const host = await open({ idleMs: 5_000, headersMs: 200, requestMs: 300 });
    const headers = await browserHeaders(host);
    const s = await connect(host);
    s.socket.write(head(host, '/api/app.info', headers, '{}').replace('content-length: 2', 'content-length: 1000').slice(0, -2));
    const drip = setInterval(() => s.socket.writable && s.socket.write(' '), 50);
    await s.closed;
    clearInterval(drip);
    expect(s.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a kept-alive connection once it has waited too long for its next request', async () => {
    const host = await open({ idleMs: 5_000, keepAliveMs: 150 });
    const headers = await browserHeaders(host);
    const s = await connect(host);
    s.socket.write(head(host, '/api/app.info', { ...headers, connection: 'keep-alive' }, '{}'));
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(s.received()).toContain('"transport":"browser"');
  });

  it('does not cut off a call that takes longer than the idle limit to answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: StationCalls = {
      ...station.calls,
      api: { ...station.calls.api, 'app.info': async (input, caller) => (await gate, station.calls.api['app.info'](input, caller)) },
    };
    const host = await open({ idleMs: 150 }, slow);
    const headers = await browserHeaders(host);
    const s = await connect(host);
    s.socket.write(head(host, '/api/app.info', headers, '{}'));
    // a silent neighbour opened now is closed by the idle limit: that much time has surely passed
    const witness = await connect(host);
    await witness.closed;
    expect(s.isClosed()).toBe(false);
    release();
    await new Promise<void>((r) => s.socket.on('data', () => s.received().includes('"ok":true') && r()));
    expect(s.received()).toMatch(/^HTTP\/1\.1 200/);
    s.socket.destroy();
  });

  it('closes connections beyond the cap at once and keeps the others', async () => {
    const host = await open({ idleMs: 30_000, maxConnections: 5 });
    const kept = [];
    for (let i = 0; i < 5; i++) kept.push(await connect(host));
    const extra = await connect(host);
    await extra.closed;
    expect(kept.some((k) => k.isClosed())).toBe(false);
    for (const k of kept) k.socket.destroy();
  });
});
