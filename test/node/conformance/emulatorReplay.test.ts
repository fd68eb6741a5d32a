// Conformance (a): every recorded request replayed against the emulator, with the recording's
// Notion-Version and its ids mapped to seeded or newly created objects. The answer must have
// the recorded status, error code and shape (every recorded key, with the same JSON type).
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_TOKEN, startEmulator, type Emulator } from '../../emulator/index';
import { recording, uploadStates, where, type Interaction, type Recording } from './recordings';
import { shapeDiff } from './shape';

const UUID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi;
const bare = (id: string) => id.replace(/-/g, '').toLowerCase();
const RECORDED_IMPORT_URL = 'https://www.w3.org/WAI/ER/tests/xhtml/testfiles/resources/pdf/dummy.pdf';
const PDF_BYTES = 13264; // the recorded content_length of that file

/** Serves a PDF of the recorded size on loopback, standing in for the recorded import URL. */
async function pdfServer(): Promise<{ url: string; close(): Promise<void> }> {
  const body = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(PDF_BYTES - 9, 0x20)]);
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dummy.pdf`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Replays recorded interactions, mapping recorded ids to the emulator's. */
class Replayer {
  readonly ids = new Map<string, string>();
  constructor(
    private readonly emu: Emulator,
    private readonly importUrl: string,
  ) {}

  private mapString(s: string): string {
    return s.replace(UUID, (id) => this.ids.get(bare(id)) ?? id).replace(RECORDED_IMPORT_URL, this.importUrl);
  }

  private mapDeep(v: unknown): unknown {
    if (typeof v === 'string') return this.mapString(v);
    if (Array.isArray(v)) return v.map((x) => this.mapDeep(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.mapDeep(x)]));
    return v;
  }

  async run(i: Interaction): Promise<{ status: number; json: any }> {
    const rq = i.request;
    // A recorded 401 was made with a token Notion did not know.
    const token = i.response.status === 401 ? 'not-a-known-token' : DEFAULT_TOKEN;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (rq.notionVersion) headers['notion-version'] = rq.notionVersion;
    let body: BodyInit | undefined;
    if (rq.form) {
      const form = new FormData();
      for (const [k, v] of Object.entries(rq.form.fields)) form.append(k, this.mapString(v));
      const f = rq.form.file;
      if (f) form.append('file', new Blob([new Uint8Array(f.sizeBytes).fill(7)], { type: f.contentType ?? '' }), f.filename);
      body = form;
    } else {
      if (rq.contentType) headers['content-type'] = rq.contentType;
      if (rq.body !== undefined) body = JSON.stringify(this.mapDeep(rq.body));
    }
    const res = await fetch(`${this.emu.url}${this.mapString(rq.path)}`, { method: rq.method, headers, body });
    const json = await res.json();
    const recorded = i.response.body;
    if (typeof recorded?.id === 'string' && typeof json?.id === 'string' && recorded.object === json.object) this.ids.set(bare(recorded.id), json.id);
    return { status: res.status, json };
  }

  /** Runs every interaction and checks status, code and shape against the recording. `content`
   * names paths whose recorded value came from the recorded workspace's content, not from the
   * API's behaviour (with the reason), and are not compared. */
  async conforms(r: Recording, opts: { afterEach?: (i: Interaction) => Promise<void>; content?: Record<string, string> } = {}): Promise<void> {
    const skipped = Object.keys(opts.content ?? {});
    for (const i of r.interactions) {
      const got = await this.run(i);
      await opts.afterEach?.(i);
      const label = `${i.request.method} ${i.request.path} (${where(r, i)})`;
      assert.equal(got.status, i.response.status, `${label}: ${JSON.stringify(got.json).slice(0, 300)}`);
      if (i.response.body.object === 'error') assert.equal(got.json.code, i.response.body.code, label);
      const diff = shapeDiff(i.response.body, got.json).filter((d) => !skipped.some((p) => d.startsWith(`${p}:`) || d.startsWith(`${p}.`)));
      assert.deepEqual(diff, [], label);
    }
  }

  /** Maps a recorded page id to a new seeded page (under a parent page, as recorded). */
  seedPage(recordedId: string, title = 'Recorded page'): string {
    const parent = this.emu.seed.page({ title: 'Recorded parent' }).id;
    const id = this.emu.seed.page({ title, parentPageId: parent }).id;
    this.ids.set(bare(recordedId), id);
    return id;
  }
}

describe('conformance: recorded requests replayed against the emulator', () => {
  let emu: Emulator;
  let pdf: Awaited<ReturnType<typeof pdfServer>>;
  let replay: Replayer;
  before(async () => {
    pdf = await pdfServer();
    emu = await startEmulator({ rateLimit: { enabled: false }, allowHttpImports: true, tokens: { ntn_other_integration: {} } });
  });
  after(async () => {
    await emu.close();
    await pdf.close();
  });
  const fresh = () => (replay = new Replayer(emu, pdf.url));
  const waitForImports = async (i: Interaction) => {
    if (i.request.body && (i.request.body as { mode?: string }).mode === 'external_url') await emu.importsIdle();
  };

  for (const name of [
    'sdk-py.users_me',
    'sdk-py.file_uploads_create',
    'sdk-py.file_uploads_create_multipart',
    'sdk-py.file_uploads_send',
    'sdk-py.file_uploads_retrieve',
    'sdk-py.api_response_error',
    'sdk-py.build_request_error_integration',
    'hkob.multi_part_mp4',
  ]) {
    it(name, async () => fresh().conforms(recording(name)));
  }

  for (const name of ['sdk-py.file_uploads_create_external', 'hkob.external_url']) {
    it(`${name} (import URL served on loopback)`, async () => fresh().conforms(recording(name), { afterEach: waitForImports }));
  }

  for (const name of ['sdk-py.pages_retrieve', 'sdk-py.pages_update', 'sdk-py.blocks_children_create', 'sdk-py.blocks_children_list', 'sdk-py.search']) {
    it(`${name} (the recorded page seeded)`, async () => {
      const r = recording(name);
      fresh();
      const pageId = r.interactions.map((i) => /\/v1\/(?:pages|blocks)\/([0-9a-f-]{32,36})/.exec(i.request.path)?.[1]).find(Boolean)!;
      replay.seedPage(pageId, 'Test page');
      await replay.conforms(r);
    });
  }

  it('hkob.single_part_png (upload created with {}, then cover and files property of a database page)', async () => {
    const r = recording('hkob.single_part_png');
    fresh();
    const db = emu.seed.database({ title: 'Recorded DB', properties: { 名前: 'title', files: 'files' } });
    const page = emu.seed.databasePage(db.id, { title: 'File upload page' });
    replay.ids.set(bare('20bd8e4e98ab80c79576dcf6f6e5ee4a'), page.id);
    await replay.conforms(r, {
      content: { '$.icon': 'the recorded page had a Notion-hosted icon set before', '$.public_url': 'the recorded page was published to the web' },
    });
  });

  it('hkob.errors (a page and a block not shared with the integration, a malformed id)', async () => {
    const r = recording('hkob.errors');
    fresh();
    const hidden = emu.seed.page({ title: 'Not shared', sharedWith: ['ntn_other_integration'] }).id;
    replay.ids.set(bare('2600ce2a6520801c86cbfd0b73eb91de'), hidden);
    await replay.conforms(r);
  });
});

describe('conformance: file uploads in every recorded state', () => {
  let emu: Emulator;
  let pdf: Awaited<ReturnType<typeof pdfServer>>;
  before(async () => {
    pdf = await pdfServer();
    emu = await startEmulator({ rateLimit: { enabled: false }, allowHttpImports: true });
  });
  after(async () => {
    await emu.close();
    await pdf.close();
  });

  const call = async (method: string, path: string, version: string, body?: unknown, form?: FormData) => {
    const headers: Record<string, string> = { authorization: `Bearer ${DEFAULT_TOKEN}`, 'notion-version': version };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${emu.url}${path}`, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const json = await res.json();
    assert.equal(res.status, 200, JSON.stringify(json));
    return json;
  };
  const part = (n: number | undefined, size: number, name: string, type: string) => {
    const f = new FormData();
    if (n !== undefined) f.append('part_number', String(n));
    f.append('file', new Blob([new Uint8Array(size)], { type }), name);
    return f;
  };

  /** Brings a new upload to the recorded state (expired ones stop one step short: the clock does the rest). */
  async function make(state: ReturnType<typeof uploadStates>[number]['state'], v: string): Promise<string> {
    if (state.mode === 'import') {
      const u = await call('POST', '/v1/file_uploads', v, { mode: 'external_url', filename: 'test_file.pdf', external_url: pdf.url });
      await emu.importsIdle();
      return u.id;
    }
    if (state.mode === 'single') {
      const u = await call('POST', '/v1/file_uploads', v, { filename: 'test_file.txt', content_type: 'text/plain' });
      if (state.status !== 'pending') await call('POST', `/v1/file_uploads/${u.id}/send`, v, undefined, part(undefined, 25, 'test_file.txt', 'text/plain'));
      return u.id;
    }
    const u = await call('POST', '/v1/file_uploads', v, { mode: 'multi_part', filename: 'large_test.pdf', content_type: 'application/pdf', number_of_parts: 2 });
    const sent = state.partsSent === 'all' || state.status === 'uploaded' ? 2 : state.partsSent === 'some' ? 1 : 0;
    for (let n = 1; n <= sent; n++) await call('POST', `/v1/file_uploads/${u.id}/send`, v, undefined, part(n, 5 * 1024 * 1024, 'large_test.pdf', 'application/pdf'));
    if (state.status === 'uploaded') await call('POST', `/v1/file_uploads/${u.id}/complete`, v);
    return u.id;
  }

  it('each recorded state has the recorded shape (every key, same JSON types), expired ones after the hour', async () => {
    const states = uploadStates();
    assert.ok(states.length >= 10, 'the fixture holds the recorded states');
    const made = [];
    for (const s of states) made.push({ s, id: await make(s.state, s.notionVersion) });
    const check = async (s: (typeof states)[number], id: string) => {
      const got = await call('GET', `/v1/file_uploads/${id}`, s.notionVersion);
      const label = `${JSON.stringify(s.state)} from ${s.source.path}@${s.source.commit.slice(0, 8)}`;
      assert.equal(got.status, s.object.status, label);
      assert.deepEqual(shapeDiff(s.object, got), [], label);
      // Recorded: a pending upload has upload_url; others never do. complete_url only with parts in.
      assert.equal('upload_url' in got, 'upload_url' in s.object, `${label}: upload_url`);
      assert.equal('complete_url' in got, 'complete_url' in s.object, `${label}: complete_url`);
    };
    for (const { s, id } of made) if (s.state.status !== 'expired') await check(s, id);
    emu.clock.advance(3600_000);
    for (const { s, id } of made) if (s.state.status === 'expired') await check(s, id);
  });
});
