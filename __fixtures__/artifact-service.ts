// A test double of the GitHub Actions artifact service (the "results" Twirp API
// plus the Azure blob storage its signed URLs point at), served on 127.0.0.1 so
// the REAL @actions/artifact client (v6) can talk to it over real sockets.
//
// What the client does (node_modules/@actions/artifact/lib/internal):
//  - reads ACTIONS_RUNTIME_TOKEN, decodes it as a JWT (jwt-decode, signature never
//    checked) and takes the backend ids from the `scp` claim scope
//    `Actions.Results:<workflow run backend id>:<workflow job run backend id>`;
//  - POSTs Twirp JSON (proto field names, int64 as strings, Timestamp as RFC 3339,
//    StringValue as a bare string) to `<origin of ACTIONS_RESULTS_URL>/twirp/
//    github.actions.results.api.v1.ArtifactService/<Method>` with
//    `Authorization: Bearer <token>`; it retries 429/500/502/503/504 and
//    unparsable bodies 5 times starting at 3 s, so every answer here is JSON and
//    every deliberate error uses a non-retryable status;
//  - zips the files (archiver, data descriptors) and uploads the zip with
//    @azure/storage-blob BlockBlobClient.uploadStream: one Put Block per 8 MiB
//    chunk (`PUT ?comp=block&blockid=<base64>`) then Put Block List
//    (`PUT ?comp=blocklist`, XML body). Both must answer 201 or the SDK throws;
//  - finalizes with the byte count reported by the SDK's progress callback and
//    `sha256:<hex>` of the zip it streamed.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { looksLikeZip, unzip } from './zip.js';

export interface UploadedArtifact {
  id: number;
  name: string;
  /** `expires_at` exactly as the client sent it (RFC 3339 / ISO), undefined without retentionDays. */
  expiresAt: string | undefined;
  /** The committed blob, assembled in Put Block List order (empty until committed). */
  zip: Buffer;
  /** Unzipped file entries of `zip` (directories left out; empty if `zip` is not a zip, see `zipError`). */
  files: Map<string, Buffer>;
  finalized: boolean;
  /** `hash` sent to FinalizeArtifact, e.g. `sha256:<hex>`. */
  hash?: string;
  /** `size` sent to FinalizeArtifact. */
  size?: number;
  /** CreateArtifact `version` (7 for @actions/artifact v6). */
  version?: number;
  /** CreateArtifact `mime_type`, e.g. `application/zip`. */
  mimeType?: string;
  /** `x-ms-blob-content-type` sent with Put Block List. */
  blobContentType?: string;
  /** Why `files` is empty although `zip` is not, if it could not be read. */
  zipError?: string;
}

export interface ArtifactService {
  /** ACTIONS_RESULTS_URL value (the client only uses its origin). */
  url: string;
  /** Every env var the client needs; apply to process.env before calling the client. */
  env: Record<string, string>;
  artifacts: UploadedArtifact[];
  /** Every request received, in order. `path` is the URL path, plus `?comp=<x>` for blob requests. */
  requests: Array<{ method: string; path: string }>;
  /** The JWT in ACTIONS_RUNTIME_TOKEN and the backend ids in its `scp` claim. */
  token: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /**
   * The variables of another job run of the same workflow run (a re-run attempt of the job, or
   * another job): its own runtime token and job backend id. Artifact names are the run's: a second
   * artifact of one name is refused whichever job uploads it, as GitHub does.
   */
  anotherJobRun(): Record<string, string>;
  close(): Promise<void>;
}

export interface ArtifactServiceOptions {
  /** CreateArtifact answers Twirp `permission_denied` (HTTP 403: not retried by the client). */
  failCreate?: boolean;
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const BLOB_PREFIX = '/devstoreaccount1/actions-results/';
const AZURE_API_VERSION = '2025-11-05';

interface ArtifactRecord {
  artifact: UploadedArtifact;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  blobPath: string;
  uploadSig: string;
  readSig: string;
  staged: Map<string, Buffer>;
  committedBlocks: Map<string, Buffer>;
  committed: boolean;
  etag: string;
  lastModified: Date;
  createdAt: Date;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class BlobError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** An unsigned JWT shaped like the runner's ACTIONS_RUNTIME_TOKEN. */
function makeRuntimeToken(runId: string, jobId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', x5t: 'test-double' };
  const payload = {
    nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
    scp: [
      `Actions.GenericRead:00000000-0000-0000-0000-000000000000`,
      `Actions.UploadArtifacts:${runId}:${jobId}`,
      `Actions.Results:${runId}:${jobId}`,
    ].join(' '),
    IdentityTypeClaim: 'System:ServiceIdentity',
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vstoken.actions.githubusercontent.com',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 6 * 3600,
  };
  return (
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.` +
    `${b64url('unsigned test double signature')}`
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Adds `extra` to a comma-separated NO_PROXY value without dropping what is there. */
function withNoProxy(extra: string[]): string {
  const items = `${process.env.NO_PROXY ?? ''},${process.env.no_proxy ?? ''}`
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set([...items, ...extra])].join(',');
}

export async function startArtifactService(opts: ArtifactServiceOptions = {}): Promise<ArtifactService> {
  const workflowRunBackendId = randomUUID();
  const workflowJobRunBackendId = randomUUID();
  const token = makeRuntimeToken(workflowRunBackendId, workflowJobRunBackendId);
  /** Each runtime token handed out, and its job run's backend id. */
  const jobOfToken = new Map<string, string>([[token, workflowJobRunBackendId]]);
  /** The job run of the request being answered (the handlers are synchronous). */
  let callerJob: string = workflowJobRunBackendId;
  const artifacts: UploadedArtifact[] = [];
  const records: ArtifactRecord[] = [];
  const requests: Array<{ method: string; path: string }> = [];
  let nextId = 4200001;
  let origin = '';

  const findByName = (name: string): ArtifactRecord | undefined => records.find((r) => r.artifact.name === name);

  /** The caller's own ids; `anyJobOfTheRun`: an artifact's ids (DeleteArtifact names the job that made it). */
  function requireIds(body: Record<string, unknown>, anyJobOfTheRun = false): void {
    const run = body.workflow_run_backend_id;
    const job = body.workflow_job_run_backend_id;
    const jobOk = anyJobOfTheRun ? [...jobOfToken.values()].includes(String(job)) : job === callerJob;
    if (run !== workflowRunBackendId || !jobOk) {
      throw new TwirpError(
        403,
        'permission_denied',
        `backend ids ${String(run)}:${String(job)} do not match the token's ${workflowRunBackendId}:` + `${callerJob}`,
      );
    }
  }

  function requireName(body: Record<string, unknown>): string {
    const name = body.name;
    if (typeof name !== 'string' || name === '') throw new TwirpError(400, 'invalid_argument', 'name is required');
    return name;
  }

  function signedUrl(record: ArtifactRecord, sig: string, permissions: string): string {
    const expiry = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const query = new URLSearchParams({ sv: AZURE_API_VERSION, se: expiry, sr: 'b', sp: permissions, sig });
    return `${origin}${record.blobPath}?${query.toString()}`;
  }

  const twirpMethods: Record<string, (body: Record<string, unknown>) => object> = {
    CreateArtifact(body) {
      requireIds(body);
      const name = requireName(body);
      if (opts.failCreate) {
        throw new TwirpError(403, 'permission_denied', 'CreateArtifact rejected by the test double (failCreate)');
      }
      if (findByName(name)) {
        throw new TwirpError(
          409,
          'already_exists',
          `an artifact with this name already exists on the workflow run: ${name}`,
        );
      }
      const rawExpiresAt = body.expires_at;
      if (rawExpiresAt !== undefined && (typeof rawExpiresAt !== 'string' || Number.isNaN(Date.parse(rawExpiresAt)))) {
        throw new TwirpError(
          400,
          'invalid_argument',
          `expires_at is not an RFC 3339 timestamp: ${String(rawExpiresAt)}`,
        );
      }
      const expiresAt = typeof rawExpiresAt === 'string' ? rawExpiresAt : undefined;
      const id = nextId++;
      const artifact: UploadedArtifact = {
        id,
        name,
        expiresAt,
        zip: Buffer.alloc(0),
        files: new Map(),
        finalized: false,
        version: typeof body.version === 'number' ? body.version : undefined,
        mimeType: typeof body.mime_type === 'string' ? body.mime_type : undefined,
      };
      const record: ArtifactRecord = {
        artifact,
        workflowRunBackendId,
        workflowJobRunBackendId: callerJob,
        blobPath:
          `${BLOB_PREFIX}${workflowRunBackendId}/workflow-job-run-${callerJob}` +
          `/artifacts/${sha256Hex(Buffer.from(`${id}:${name}`))}.zip`,
        uploadSig: randomBytes(32).toString('base64'),
        readSig: randomBytes(32).toString('base64'),
        staged: new Map(),
        committedBlocks: new Map(),
        committed: false,
        etag: '',
        lastModified: new Date(),
        createdAt: new Date(),
      };
      records.push(record);
      artifacts.push(artifact);
      return { ok: true, signed_upload_url: signedUrl(record, record.uploadSig, 'cw') };
    },

    FinalizeArtifact(body) {
      requireIds(body);
      const name = requireName(body);
      const record = findByName(name);
      if (!record) throw new TwirpError(404, 'not_found', `no artifact named ${name} was created`);
      const { artifact } = record;
      if (artifact.finalized) throw new TwirpError(412, 'failed_precondition', `artifact ${name} is already finalized`);
      if (!record.committed)
        throw new TwirpError(412, 'failed_precondition', `the blob of artifact ${name} was never committed`);
      const size = Number(body.size ?? 0); // int64 arrives as a JSON string; omitted when 0
      if (!Number.isSafeInteger(size) || size !== artifact.zip.length) {
        throw new TwirpError(
          400,
          'invalid_argument',
          `size ${String(body.size)} != ${artifact.zip.length} bytes committed`,
        );
      }
      const hash = body.hash;
      if (hash !== undefined) {
        const expected = `sha256:${sha256Hex(artifact.zip)}`;
        if (hash !== expected) throw new TwirpError(400, 'invalid_argument', `hash ${String(hash)} != ${expected}`);
      }
      artifact.size = size;
      artifact.hash = typeof hash === 'string' ? hash : undefined;
      artifact.finalized = true;
      return { ok: true, artifact_id: String(artifact.id) };
    },

    ListArtifacts(body) {
      requireIds(body);
      const nameFilter = body.name_filter;
      const idFilter = body.id_filter;
      const list = records
        .filter((r) => r.artifact.finalized)
        .filter((r) => nameFilter === undefined || r.artifact.name === nameFilter)
        .filter((r) => idFilter === undefined || String(r.artifact.id) === String(idFilter))
        .map((r) => ({
          workflow_run_backend_id: r.workflowRunBackendId,
          workflow_job_run_backend_id: r.workflowJobRunBackendId,
          database_id: String(r.artifact.id),
          name: r.artifact.name,
          size: String(r.artifact.size ?? r.artifact.zip.length),
          created_at: r.createdAt.toISOString(),
          ...(r.artifact.hash ? { digest: r.artifact.hash } : {}),
        }));
      return { artifacts: list };
    },

    GetSignedArtifactURL(body) {
      requireIds(body);
      const name = requireName(body);
      const record = findByName(name);
      if (!record?.artifact.finalized) throw new TwirpError(404, 'not_found', `no finalized artifact named ${name}`);
      return { signed_url: signedUrl(record, record.readSig, 'r') };
    },

    DeleteArtifact(body) {
      requireIds(body, true);
      const name = requireName(body);
      const record = findByName(name);
      if (!record?.artifact.finalized) throw new TwirpError(404, 'not_found', `no finalized artifact named ${name}`);
      records.splice(records.indexOf(record), 1);
      artifacts.splice(artifacts.indexOf(record.artifact), 1);
      return { ok: true, artifact_id: String(record.artifact.id) };
    },
  };

  async function handleTwirp(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const send = (status: number, payload: object): void => {
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      const body = await readBody(req);
      const handler = Object.hasOwn(twirpMethods, method) ? twirpMethods[method] : undefined;
      if (req.method !== 'POST' || !handler) {
        throw new TwirpError(404, 'bad_route', `no handler for ${req.method ?? '?'} ${req.url ?? ''}`);
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        throw new TwirpError(404, 'bad_route', `unexpected content-type ${req.headers['content-type'] ?? '(none)'}`);
      }
      const caller = jobOfToken.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!caller) throw new TwirpError(401, 'unauthenticated', 'missing or wrong bearer token');
      callerJob = caller;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new TwirpError(400, 'malformed', 'request body is not JSON');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new TwirpError(400, 'malformed', 'request body is not a JSON object');
      }
      send(200, handler(parsed as Record<string, unknown>));
    } catch (error) {
      if (error instanceof TwirpError) {
        send(error.status, { code: error.code, msg: error.message });
      } else {
        // A bug in the double: answer 400, not 500, so the client fails at once
        // instead of retrying for ~25 s.
        send(400, {
          code: 'internal',
          msg: `test double error: ${error instanceof Error ? error.stack : String(error)}`,
        });
      }
    }
  }

  async function handleBlob(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const requestId = randomUUID();
    const baseHeaders = (): Record<string, string> => ({
      'x-ms-request-id': requestId,
      'x-ms-version': String(req.headers['x-ms-version'] ?? AZURE_API_VERSION),
      ...(req.headers['x-ms-client-request-id']
        ? { 'x-ms-client-request-id': String(req.headers['x-ms-client-request-id']) }
        : {}),
      date: new Date().toUTCString(),
      server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
    });
    try {
      const body = await readBody(req);
      const record = records.find((r) => r.blobPath === url.pathname);
      if (!record) throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
      const sig = url.searchParams.get('sig');
      const comp = url.searchParams.get('comp');
      const method = req.method ?? '';
      const writing = method === 'PUT';
      if (sig !== (writing ? record.uploadSig : record.readSig)) {
        throw new BlobError(
          403,
          'AuthenticationFailed',
          'Server failed to authenticate the request. Signature did not match.',
        );
      }
      if (writing && record.artifact.finalized) {
        throw new BlobError(409, 'BlobImmutableDueToPolicy', 'The artifact is already finalized.');
      }
      if (writing && req.headers['x-ms-structured-body']) {
        // Azure's CRC64 "structured message" framing: @actions/artifact does not
        // enable it; supporting it would mean decoding the framing here.
        throw new BlobError(400, 'UnsupportedHeader', 'x-ms-structured-body is not supported by the test double.');
      }
      const declaredLength = req.headers['content-length'];
      if (writing && declaredLength !== undefined && Number(declaredLength) !== body.length) {
        throw new BlobError(
          400,
          'InvalidHeaderValue',
          `Content-Length ${declaredLength} != ${body.length} bytes received`,
        );
      }

      const commit = (blob: Buffer): void => {
        record.committed = true;
        record.lastModified = new Date();
        record.etag =
          `"0x${record.lastModified.getTime().toString(16).toUpperCase()}` +
          `${randomBytes(2).toString('hex').toUpperCase()}"`;
        record.artifact.zip = blob;
        const contentType = req.headers['x-ms-blob-content-type'] ?? req.headers['content-type'];
        record.artifact.blobContentType = contentType === undefined ? undefined : String(contentType);
        record.artifact.files = new Map();
        record.artifact.zipError = undefined;
        if (looksLikeZip(blob)) {
          try {
            record.artifact.files = unzip(blob);
          } catch (error) {
            record.artifact.zipError = error instanceof Error ? error.message : String(error);
          }
        } else if (blob.length > 0) {
          record.artifact.zipError = 'the blob is not a zip archive';
        }
        res.writeHead(201, {
          ...baseHeaders(),
          etag: record.etag,
          'last-modified': record.lastModified.toUTCString(),
          'content-md5': createHash('md5').update(blob).digest('base64'),
          'x-ms-request-server-encrypted': 'true',
          'content-length': '0',
        });
        res.end();
      };

      if (method === 'PUT' && comp === 'block') {
        // Put Block
        const blockId = url.searchParams.get('blockid');
        if (!blockId) throw new BlobError(400, 'InvalidQueryParameterValue', 'blockid is required.');
        if (Buffer.from(blockId, 'base64').length > 64)
          throw new BlobError(400, 'InvalidQueryParameterValue', 'blockid is longer than 64 bytes.');
        const other = [...record.staged.keys()][0];
        if (other !== undefined && other.length !== blockId.length) {
          throw new BlobError(400, 'InvalidBlobOrBlock', 'All block ids of a blob must have the same length.');
        }
        record.staged.set(blockId, body);
        res.writeHead(201, {
          ...baseHeaders(),
          'content-md5': createHash('md5').update(body).digest('base64'),
          'x-ms-request-server-encrypted': 'true',
          'content-length': '0',
        });
        res.end();
        return;
      }

      if (method === 'PUT' && comp === 'blocklist') {
        // Put Block List: <BlockList><Latest|Committed|Uncommitted>base64 id</...>...</BlockList>
        const xml = body.toString('utf8');
        if (!/<BlockList>/.test(xml))
          throw new BlobError(400, 'InvalidXmlDocument', 'XML specified is not syntactically valid.');
        const parts: Buffer[] = [];
        const used = new Map<string, Buffer>();
        for (const m of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
          const kind = m[1];
          const id = (m[2] ?? '').trim();
          const block =
            kind === 'Committed'
              ? record.committedBlocks.get(id)
              : kind === 'Uncommitted'
                ? record.staged.get(id)
                : (record.staged.get(id) ?? record.committedBlocks.get(id));
          if (!block)
            throw new BlobError(
              400,
              'InvalidBlockList',
              `The specified block list is invalid: unknown ${kind} block ${id}.`,
            );
          parts.push(block);
          used.set(id, block);
        }
        record.committedBlocks = used;
        record.staged = new Map(); // Azure drops uncommitted blocks on commit
        commit(Buffer.concat(parts));
        return;
      }

      if (method === 'PUT' && comp === null) {
        // Put Blob (single shot); uploadStream never uses it but uploadData may.
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
          throw new BlobError(400, 'InvalidHeaderValue', 'x-ms-blob-type must be BlockBlob.');
        record.committedBlocks = new Map();
        record.staged = new Map();
        commit(body);
        return;
      }

      if ((method === 'GET' || method === 'HEAD') && comp === null) {
        if (!record.committed) throw new BlobError(404, 'BlobNotFound', 'The specified blob does not exist.');
        const blob = record.artifact.zip;
        res.writeHead(200, {
          ...baseHeaders(),
          'content-type': record.artifact.blobContentType ?? 'application/octet-stream',
          'content-length': String(blob.length),
          etag: record.etag,
          'last-modified': record.lastModified.toUTCString(),
          'x-ms-blob-type': 'BlockBlob',
          'accept-ranges': 'bytes',
        });
        res.end(method === 'HEAD' ? undefined : blob);
        return;
      }

      throw new BlobError(
        400,
        'UnsupportedQueryParameter',
        `${method} comp=${String(comp)} is not supported by the test double.`,
      );
    } catch (error) {
      const status = error instanceof BlobError ? error.status : 400;
      const code = error instanceof BlobError ? error.code : 'InternalTestDoubleError';
      const message = error instanceof Error ? error.message : String(error);
      const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')}\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message></Error>`;
      res.writeHead(status, {
        ...baseHeaders(),
        'x-ms-error-code': code,
        'content-type': 'application/xml',
        'content-length': String(Buffer.byteLength(xml)),
      });
      res.end(req.method === 'HEAD' ? undefined : xml);
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const comp = url.searchParams.get('comp');
    requests.push({ method: req.method ?? '', path: url.pathname + (comp ? `?comp=${comp}` : '') });
    if (url.pathname.startsWith(TWIRP_PREFIX)) {
      void handleTwirp(req, res, url.pathname.slice(TWIRP_PREFIX.length));
    } else if (url.pathname.startsWith(BLOB_PREFIX)) {
      void handleBlob(req, res, url);
    } else {
      const text = JSON.stringify({ code: 'bad_route', msg: `no route for ${req.method ?? '?'} ${url.pathname}` });
      res.writeHead(404, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/`; // runners set it with a trailing slash; the client keeps only the origin
  const envOf = (runtimeToken: string) => ({
    ACTIONS_RESULTS_URL: url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    // isGhes() is true for any host but github.com / *.ghe.com / *.localhost, and
    // then every call throws GHESNotSupportedError: pin it in case the tests run
    // on a GHES runner (or with a stray GITHUB_SERVER_URL).
    GITHUB_SERVER_URL: 'https://github.com',
    // Caps retentionDays (runners set the repository's setting); pin it so an
    // inherited small value cannot change the requested expires_at.
    GITHUB_RETENTION_DAYS: '90',
    // @actions/http-client never proxies loopback, but @azure/core-rest-pipeline
    // sends the blob requests through HTTPS_PROXY/HTTP_PROXY unless NO_PROXY
    // lists the host.
    NO_PROXY: withNoProxy(['127.0.0.1']),
    no_proxy: withNoProxy(['127.0.0.1']),
  });

  return {
    url,
    env: envOf(token),
    artifacts,
    requests,
    token,
    workflowRunBackendId,
    workflowJobRunBackendId,
    anotherJobRun() {
      const job = randomUUID();
      const jobToken = makeRuntimeToken(workflowRunBackendId, job);
      jobOfToken.set(jobToken, job);
      return envOf(jobToken);
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of the clients' agents would hold close() open.
        server.closeAllConnections();
      });
    },
  };
}
