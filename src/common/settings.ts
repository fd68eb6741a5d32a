// Reads the extension's settings. The API address and version are application-scoped (only
// user settings count), so a repository's .vscode/settings.json cannot send the token
// elsewhere; the sandbox and tests may override them through the environment instead.
import * as vscode from 'vscode';
import { normaliseBaseUrl } from '../core/notion/origin';
import { NOTION_VERSIONS, DEFAULT_NOTION_VERSION, type NotionVersion } from '../core/notion/types';

export const SECTION = 'notionAssets';
export const ENV_BASE_URL = 'NOTION_ASSETS_API_BASE_URL';
export const ENV_TOKEN = 'NOTION_ASSETS_TOKEN';
export const DEFAULT_BASE_URL = 'https://api.notion.com';

const MIB = 1024 * 1024;

export interface ConnectionSettings {
  baseUrl: string;
  notionVersion: NotionVersion;
}

export interface TransferSettings {
  partSizeBytes: number;
  concurrency: number;
  dedupe: boolean;
}

/** The API origin, checked (https anywhere, plain http only to this machine), naming the setting at fault. */
export function validateBaseUrl(raw: string, from = 'notionAssets.apiBaseUrl'): string {
  try {
    return normaliseBaseUrl(raw.trim());
  } catch (e) {
    throw new Error(`${from}: ${(e as Error).message}`);
  }
}

function config(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
}

/** Only the user (global) value of an application setting counts, whatever else is set. */
function userValue<T>(key: string, fallback: T): T {
  const inspected = config().inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

export function connectionSettings(env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  const envUrl = env[ENV_BASE_URL]?.trim();
  const baseUrl = envUrl ? validateBaseUrl(envUrl, ENV_BASE_URL) : validateBaseUrl(userValue('apiBaseUrl', DEFAULT_BASE_URL));
  const v = userValue<string>('notionVersion', DEFAULT_NOTION_VERSION);
  const notionVersion = (NOTION_VERSIONS as readonly string[]).includes(v) ? (v as NotionVersion) : DEFAULT_NOTION_VERSION;
  return { baseUrl, notionVersion };
}

function clamp(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function transferSettings(): TransferSettings {
  const c = config();
  return {
    partSizeBytes: Math.round(clamp(partSizeMiB(c), 5, 20, 10) * MIB),
    concurrency: Math.round(clamp(c.get('concurrency'), 1, 8, 3)),
    dedupe: c.get<boolean>('dedupe', true),
  };
}

/**
 * `partSize` (MiB) was `partSizeMiB` in 0.1.0: VS Code titles a setting from its key, and that
 * one read "Part Size Mi B". A value under the old key still counts while the new one is unset.
 */
function partSizeMiB(c: vscode.WorkspaceConfiguration): unknown {
  const set = (i?: { workspaceFolderValue?: number; workspaceValue?: number; globalValue?: number }) =>
    i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  // Values a user set, not get(): VS Code gives the old key (no default in the schema) a 0.
  const now = c.inspect<number>('partSize');
  return set(now) ?? set(c.inspect<number>('partSizeMiB')) ?? now?.defaultValue;
}

export function confirmReplace(): boolean {
  return config().get<boolean>('confirmReplace', true);
}

export function historySize(): number {
  return Math.round(clamp(config().get('historySize'), 10, 20000, 1000));
}

/** How deep Browse Files on Page walks nested blocks. */
export function filesMaxDepth(): number {
  return Math.round(clamp(config().get('files.maxDepth'), 1, 20, 5));
}

/** The default page for uploads from this file's folder ('' → ask). Untrusted workspaces: user value only. */
export function defaultTarget(resource?: vscode.Uri): string | undefined {
  const c = config(resource);
  const value = vscode.workspace.isTrusted ? c.get<string>('defaultTarget', '') : c.inspect<string>('defaultTarget')?.globalValue ?? '';
  return value.trim() || undefined;
}

/** True when a change touches what the API client was built from. */
export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SECTION}.apiBaseUrl`) || e.affectsConfiguration(`${SECTION}.notionVersion`);
}

export function affectsTransfer(e: vscode.ConfigurationChangeEvent): boolean {
  return ['partSize', 'partSizeMiB', 'concurrency', 'dedupe'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}
