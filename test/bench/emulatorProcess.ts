// The bench's emulator in a process of its own, so its CPU time can be measured apart from the
// orchestrator's and the contenders'. The parent drives it over IPC (latency, whether uploads
// keep their bytes, digests, CPU used so far).
import { fork, type ChildProcess } from 'node:child_process';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator';

type Op =
  | { op: 'setLatency'; ms: number }
  | { op: 'setStoreUploadBytes'; on: boolean }
  | { op: 'uploadSha256'; id: string }
  | { op: 'discardUploadBytes'; id: string }
  | { op: 'cpuMs' };

export interface EmulatorProcess {
  url: string;
  setLatency(ms: number): Promise<void>;
  setStoreUploadBytes(on: boolean): Promise<void>;
  uploadSha256(id: string): Promise<string | undefined>;
  discardUploadBytes(id: string): Promise<void>;
  /** User + system CPU of the emulator's process (all its threads) so far. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

export async function spawnEmulator(opts: EmulatorOptions): Promise<EmulatorProcess> {
  const child = fork(__filename, [JSON.stringify(opts)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`bench emulator exited (${code}) before listening`)));
  });
  let seq = 0;
  const pending = new Map<number, (v: unknown) => void>();
  child.on('message', (m: { seq: number; value: unknown }) => {
    pending.get(m.seq)?.(m.value);
    pending.delete(m.seq);
  });
  const ask = <T>(op: Op) =>
    new Promise<T>((resolve) => {
      pending.set(++seq, resolve as (v: unknown) => void);
      child.send({ seq, ...op });
    });
  return {
    url,
    setLatency: (ms) => ask({ op: 'setLatency', ms }),
    setStoreUploadBytes: (on) => ask({ op: 'setStoreUploadBytes', on }),
    uploadSha256: (id) => ask({ op: 'uploadSha256', id }),
    discardUploadBytes: (id) => ask({ op: 'discardUploadBytes', id }),
    cpuMs: () => ask({ op: 'cpuMs' }),
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function answer(emu: Emulator, m: Op): unknown {
  switch (m.op) {
    case 'setLatency':
      return emu.setLatency(m.ms);
    case 'setStoreUploadBytes':
      return emu.setStoreUploadBytes(m.on);
    case 'uploadSha256':
      return emu.uploadSha256(m.id);
    case 'discardUploadBytes':
      return emu.discardUploadBytes(m.id);
    case 'cpuMs': {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
  }
}

async function child(): Promise<void> {
  const emu = await startEmulator(JSON.parse(process.argv[2]) as EmulatorOptions);
  process.on('message', (m: Op & { seq: number }) => process.send!({ seq: m.seq, value: answer(emu, m) ?? null }));
  process.once('SIGTERM', () => void emu.close().then(() => process.exit(0)));
  process.once('disconnect', () => void emu.close().then(() => process.exit(0)));
  process.send!({ url: emu.url });
}

if (require.main === module) {
  child().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
