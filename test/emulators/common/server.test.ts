import { describe, expect, it } from 'vitest';
import { listen } from '../../../src/emulators/common/server.js';
import type { EmulatorRequest } from '../../../src/emulators/common/types.js';

describe('listen', () => {
  it('serves on 127.0.0.1 and an ephemeral port, handing the handler a parsed request', async () => {
    const seen: EmulatorRequest[] = [];
    const server = await listen(async (request) => {
      seen.push(request);
      return { status: 201, headers: { 'X-Thing': '1' }, body: { ok: true } };
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/a/b?filter%5Bq%5D%5Bx_eq%5D=1`, { method: 'POST', body: 'hello' });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-thing')).toBe('1');
      expect(await response.json()).toEqual({ ok: true });
      expect(seen[0]).toMatchObject({ method: 'POST', path: '/a/b', origin: server.url, ip: '127.0.0.1' });
      expect(seen[0]!.query.get('filter[q][x_eq]')).toBe('1');
      expect(seen[0]!.body.toString()).toBe('hello');
    } finally {
      await server.close();
    }
  });

  it('answers 413 past the body limit and 500 when the handler throws', async () => {
    const server = await listen(
      async (request) => {
        if (request.path === '/boom') throw new Error('bug');
        return { status: 204 };
      },
      { maxBodyBytes: 10 },
    );
    try {
      expect((await fetch(`${server.url}/`, { method: 'POST', body: 'x'.repeat(11) })).status).toBe(413);
      // Several chunks past the limit still get their answer rather than a dropped connection.
      expect((await fetch(`${server.url}/`, { method: 'POST', body: 'x'.repeat(1_000_000) })).status).toBe(413);
      expect((await fetch(`${server.url}/`, { method: 'POST', body: 'x'.repeat(10) })).status).toBe(204);
      expect((await fetch(`${server.url}/boom`)).status).toBe(500);
    } finally {
      await server.close();
    }
  });

  it('resets the connection when asked', async () => {
    const server = await listen(async () => ({ reset: true }));
    try {
      await expect(fetch(server.url)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
