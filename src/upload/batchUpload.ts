// Runs a batch of uploads under one cancellable notification: an aggregate byte-weighted
// percentage and the current file, updated at most every 200 ms. Then one summary:
// success, or "N of M failed" with "Retry Failed" (only those) and "Show Log".
import * as vscode from 'vscode';
import { BatchProgress, type ProgressReport } from './batchProgress';
import { withCancellableProgress } from '../ui/commandRunner';
import { errorActions, errorText, isCancellation } from '../ui/errorMessages';
import { redactShown } from '../common/log';
import { isPermanentRefusal } from '../core/upload/permanentRefusal';

export interface BatchJob<T> {
  /** Shown as "current file" and in failure lists. */
  label: string;
  sizeBytes: number;
  run(signal: AbortSignal, onProgress: (sentBytes: number) => void): Promise<T>;
}

export type BatchOutcome<T> =
  | { job: BatchJob<T>; ok: true; value: T }
  | { job: BatchJob<T>; ok: false; error: unknown; cancelled: boolean };

export interface BatchReport<T> {
  outcomes: BatchOutcome<T>[];
  succeeded: number;
  failed: number;
  cancelled: number;
}

/**
 * Runs the jobs `concurrency` at a time in one progress notification. `afterSent` is shown for
 * a file whose bytes are sent while it is being finished (e.g. "attaching…").
 */
export async function runBatch<T>(title: string, jobs: BatchJob<T>[], concurrency = 2, afterSent?: string): Promise<BatchReport<T>> {
  const outcomes = new Array<BatchOutcome<T>>(jobs.length);
  const meter = new BatchProgress(jobs, { afterSent });

  await withCancellableProgress(title, async (signal, progress) => {
    const show = (r: ProgressReport | undefined) => r && progress.report({ increment: r.increment, message: r.message });
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const i = next++;
        const job = jobs[i];
        if (signal.aborted) {
          outcomes[i] = { job, ok: false, error: new vscode.CancellationError(), cancelled: true };
          show(meter.finish(i));
          continue;
        }
        show(meter.start(i));
        try {
          const value = await job.run(signal, (bytes) => show(meter.update(i, bytes)));
          outcomes[i] = { job, ok: true, value };
        } catch (error) {
          outcomes[i] = { job, ok: false, error, cancelled: isCancellation(error) || signal.aborted };
        }
        show(meter.finish(i));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  });
  return {
    outcomes,
    succeeded: outcomes.filter((o) => o.ok).length,
    failed: outcomes.filter((o) => !o.ok && !o.cancelled).length,
    cancelled: outcomes.filter((o) => !o.ok && o.cancelled).length,
  };
}

export interface SummaryOptions<T> {
  /** "Set as cover of Page X" — what succeeded. */
  successMessage: (report: BatchReport<T>) => string;
  retry: (failed: BatchJob<T>[]) => unknown;
  showLog: () => void;
  log: (msg: string, e: unknown) => void;
  /** Extra buttons on success (e.g. "Open Page"). */
  successActions?: { title: string; run: () => unknown }[];
}

/** Shows the batch's outcome without waiting for the user to answer. */
export function showBatchSummary<T>(report: BatchReport<T>, opts: SummaryOptions<T>): void {
  const failures = report.outcomes.filter((o): o is Extract<BatchOutcome<T>, { ok: false }> => !o.ok && !o.cancelled);
  for (const f of failures) opts.log(`${f.job.label} failed`, f.error);
  const total = report.outcomes.length;
  const pick = (p: Thenable<string | undefined>, actions: { title: string; run: () => unknown }[]) =>
    void p.then((t) => actions.find((a) => a.title === t)?.run());
  // Cancelled files are named wherever the batch ended (Cancel button or the Uploads view).
  const cancelledOnes = report.outcomes.filter((o) => !o.ok && o.cancelled);
  // An attach write already sent when Cancel came may still land: said so, not "nothing attached".
  const mayLand = (o: BatchOutcome<T>) => !o.ok && (o.error as { attachMayLand?: unknown } | null)?.attachMayLand === true;
  const landing = cancelledOnes.filter(mayLand).map((o) => o.job.label);
  const sure = cancelledOnes.filter((o) => !mayLand(o)).map((o) => o.job.label);
  const landingText = landing.length === 0 ? ''
    : ' ' + (landing.length === 1
      ? vscode.l10n.t('{0} was being added as you cancelled: Refresh Status in the Uploads view shows whether Notion took it; Retry looks on the page first.', namesOf(landing))
      : vscode.l10n.t('{0} were being added as you cancelled: Refresh Status in the Uploads view shows whether Notion took them; Retry looks on the page first.', namesOf(landing)));
  const cancelled = report.cancelled ? `${sure.length ? vscode.l10n.t(' Cancelled, nothing attached: {0}.', namesOf(sure)) : ''}${landingText}` : '';

  if (failures.length === 0) {
    if (report.succeeded === 0) {
      const names = namesOf(cancelledOnes.map((o) => o.job.label));
      const said = landing.length
        ? vscode.l10n.t('Upload cancelled: {0} (nothing else was attached).', names)
        : vscode.l10n.t('Upload cancelled: {0} (nothing was attached).', names);
      void vscode.window.showInformationMessage(redactShown(said + landingText));
      return;
    }
    const actions = opts.successActions ?? [];
    pick(vscode.window.showInformationMessage(redactShown(opts.successMessage(report) + cancelled), ...actions.map((a) => a.title)), actions);
    return;
  }
  // A refusal of a value that cannot change (a caption too long, a type Notion refuses) is not retried.
  const retryable = failures.filter((f) => !isPermanentRefusal(f.error));
  const retry = retryable.length ? [{ title: vscode.l10n.t('Retry Failed'), run: () => opts.retry(retryable.map((f) => f.job)) }] : [];
  const showLog = { title: vscode.l10n.t('Show Log'), run: opts.showLog };
  if (total === 1) {
    const actions = [...errorActions(failures[0].error), ...retry, showLog];
    pick(vscode.window.showErrorMessage(redactShown(`${failures[0].job.label}: ${errorText(failures[0].error)}`), ...actions.map((a) => a.title)), actions);
    return;
  }
  // Several: the count, then each file's reason (the first few), so the cause is visible without the log.
  const reasons = failures.slice(0, 3).map((f) => `${f.job.label}: ${errorText(f.error)}`).join(' · ');
  const more = failures.length > 3 ? vscode.l10n.t(' · and {0} more (see the log)', failures.length - 3) : '';
  const actions = [...errorActions(failures[0].error), ...retry, showLog];
  pick(
    vscode.window.showWarningMessage(redactShown(vscode.l10n.t('{0} of {1} failed. {2}{3}{4}', failures.length, total, reasons, more, cancelled)), ...actions.map((a) => a.title)),
    actions,
  );
}

/** `"a.png", "b.png" and 3 more`. */
function namesOf(labels: string[], max = 4): string {
  const shown = labels.slice(0, labels.length > max ? max - 1 : max).map((l) => `"${l}"`).join(', ');
  return labels.length > max ? vscode.l10n.t('{0} and {1} more', shown, labels.length - (max - 1)) : shown;
}
