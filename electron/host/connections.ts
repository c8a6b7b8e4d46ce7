/**
 * Keeps slow or silent clients from exhausting the host: a connection that carries no
 * request is closed after a while, and past a cap a new connection takes the place of
 * the oldest idle one (never of one whose request is being answered, such as a long poll).
 * Node's own headersTimeout and requestTimeout cut requests that arrive too slowly.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

/** How the guard is set. */
export interface ConnectionLimits {
  /** Most connections open at once. */
  readonly max: number;
  /** How long a connection may stay without a request being answered on it, ms. */
  readonly idleMs: number;
}

/** The host's limits: room for the page's few connections many times over, and ten seconds of silence. */
export const CONNECTION_LIMITS: ConnectionLimits = { max: 128, idleMs: 10_000 };

/** Installs the guard on `server`. */
export function guardConnections(server: http.Server, limits: ConnectionLimits = CONNECTION_LIMITS): void {
  // In opening order, so the first idle one found is the oldest; the count of requests being answered.
  const open = new Map<Socket, { busy: number }>();
  server.on('connection', (socket: Socket) => {
    if (open.size >= limits.max) {
      const idle = [...open].find(([, s]) => s.busy === 0)?.[0];
      if (!idle) return void socket.destroy();
      open.delete(idle);
      idle.destroy();
    }
    const state = { busy: 0 };
    open.set(socket, state);
    socket.setTimeout(limits.idleMs);
    socket.on('timeout', () => {
      if (state.busy === 0) socket.destroy();
    });
    socket.on('close', () => open.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = open.get(req.socket);
    if (!state) return;
    state.busy++;
    // A request being answered may wait (a long poll): no idle timeout until it is done.
    req.socket.setTimeout(0);
    res.on('close', () => {
      state.busy--;
      if (state.busy === 0 && !req.socket.destroyed) req.socket.setTimeout(limits.idleMs);
    });
  });
}
