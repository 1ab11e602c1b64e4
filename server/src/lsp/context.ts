/**
 * What every group of handlers of the language server shares: the connection, the open documents,
 * settings, the analyzer, the guard that turns an exception into an empty answer, and the client's
 * capabilities (known after `initialize`). `server.ts` creates one; `diagnostics.ts`,
 * `features/register.ts` and `requests.ts` register their handlers on it.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Superseded, type Analyzer, type DocAnalysis } from './analysis.js';
import type { Logger } from './log.js';
import type { PlanlintSettings } from './settings.js';
import type { Workspace } from './workspace.js';

/** Client capabilities and options read at `initialize`. */
export interface ClientState {
  hasConfiguration: boolean;
  pullDiagnostics: boolean;
  watchRegistration: boolean;
  /** the client takes RelativePattern watchers (a base folder and a pattern) */
  relativePatterns: boolean;
  workspaceFolderSupport: boolean;
  initOptions: unknown;
  folders: string[];
  /** settings pushed by clients without workspace/configuration (initializationOptions, didChangeConfiguration) */
  pushedSettings: unknown;
  /** the client's UI language (initialize `locale`): planlint.language `auto` follows it */
  locale: string | undefined;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly log: Logger;
  readonly client: ClientState;
  readonly settingsCache: Map<string, Promise<PlanlintSettings>>;
  readonly workspace: Workspace;
  readonly analyzer: Analyzer;
  settingsFor(uri: string): Promise<PlanlintSettings>;
  /** Analysis of the open document's current version; undefined for a document never opened. */
  current(uri: string): Promise<DocAnalysis | undefined>;
  /** Runs a handler; an exception is logged and the request gets `fallback`. */
  guard<T>(name: string, fallback: T, fn: () => T | Promise<T>): Promise<T>;
  /** Runs a call on the connection that may fail because the connection is gone. */
  safeLog(f: () => void): void;
}

export function safeLog(f: () => void): void {
  try {
    f();
  } catch {
    /* the connection may be gone; nothing else to do */
  }
}

export function makeGuard(log: Logger): ServerContext['guard'] {
  return function guard<T>(name: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    try {
      return Promise.resolve(fn()).catch((err: unknown) => {
        if (!(err instanceof Superseded)) log.error(`${name} failed`, err);
        return fallback;
      });
    } catch (err) {
      log.error(`${name} failed`, err);
      return Promise.resolve(fallback);
    }
  };
}
