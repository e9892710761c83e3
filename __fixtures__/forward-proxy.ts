// A local forward proxy, as self-hosted runners sit behind: CONNECT tunnels (what undici's
// ProxyAgent uses) and plain absolute-form HTTP requests. Records what went through it.
// `connect: 'drop'` makes it hostile: it reads each CONNECT and closes the connection without an
// answer (undici 7 then reconnected forever, nodejs/undici#3897); 'drop-after-200' answers
// 200 Connection Established and then closes the tunnel.
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface ForwardProxy {
  url: string;
  /** `CONNECT host:port` or `GET http://host:port/path`, with the Proxy-Authorization it got. */
  seen: Array<{ method: string; target: string; proxyAuthorization?: string }>;
  close(): Promise<void>;
}

export async function startForwardProxy(
  options: { connect?: 'tunnel' | 'drop' | 'drop-after-200' } = {},
): Promise<ForwardProxy> {
  const seen: ForwardProxy['seen'] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
    });
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const out = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: target.pathname + target.search, headers },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] });
    if (options.connect === 'drop') return void client.destroy();
    if (options.connect === 'drop-after-200')
      return void client.end('HTTP/1.1 200 Connection Established\r\n\r\n', () => client.destroy());
    const target = req.url ?? '';
    const at = target.lastIndexOf(':');
    const [host, port] = [target.slice(0, at).replace(/^\[(.*)\]$/, '$1'), target.slice(at + 1)];
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
