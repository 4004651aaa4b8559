// A standard tus 1.0 server (tus-node-server: @tus/server with @tus/file-store), for the upload tests:
// `node server.mjs DIR` stores uploads in DIR/files, appends one JSON line per request to DIR/requests.log
// (method, URL, Upload-Offset) and prints "PORT n" once it listens on 127.0.0.1.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Server } from '@tus/server';
import { FileStore } from '@tus/file-store';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: node server.mjs DIR');
  process.exit(2);
}
const files = path.join(directory, 'files');
fs.mkdirSync(files, { recursive: true });
const log = path.join(directory, 'requests.log');
const tus = new Server({ path: '/files', datastore: new FileStore({ directory: files }) });

const server = http.createServer((req, res) => {
  const entry = { method: req.method, url: req.url, offset: req.headers['upload-offset'] ?? null };
  fs.appendFileSync(log, JSON.stringify(entry) + '\n');
  tus.handle(req, res);
});
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
