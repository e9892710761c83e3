// Preloaded into the real upstream v1 when the bench measures it (BENCH_REAL_V1, scripts/bench.js):
// that server listens on every interface at its fixed port; this binds it to 127.0.0.1 on a free port
// instead and prints `listening on http://127.0.0.1:PORT` for the bench to read.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const callback = args.find((arg) => typeof arg === 'function');
  this.once('listening', () => process.stdout.write(`listening on http://127.0.0.1:${this.address().port}\n`));
  return listen.call(this, 0, '127.0.0.1', callback);
};
