/**
 * Starts a real VS Code (code-server, installed by install-code-server.mjs) on 127.0.0.1 with every
 * folder it writes to (HOME, XDG_*, user data, extensions, config) inside one temporary folder, and a
 * workspace that is a temporary copy of the seeds. Stops it and removes the folder afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = join(e2eDir, '..', '..');
export const artifactsDir = join(repoRoot, 'artifacts', 'e2e');

/** The .vsix that `npm run package` builds (override with PLANLINT_VSIX). */
export function vsixPath(): string {
  const p = process.env.PLANLINT_VSIX ?? join(repoRoot, 'client', 'planlint.vsix');
  if (!existsSync(p)) throw new Error(`no extension package at ${p}: run \`npm run package\` first (or set PLANLINT_VSIX)`);
  return p;
}

/** Installs code-server if needed (cached in test/e2e/.code-server) and returns its entry script. */
export function ensureCodeServer(): string {
  const out = execFileSync(process.execPath, [join(e2eDir, 'install-code-server.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });
  const entry = out.trim().split('\n').pop() ?? '';
  if (!existsSync(entry)) throw new Error(`install-code-server.mjs did not print the code-server entry point (got "${entry}")`);
  return entry;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** User settings that keep a fresh VS Code quiet and deterministic (no welcome page, walkthroughs, telemetry). */
export const userSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.editor.enablePreview': false,
  'workbench.layoutControl.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'files.autoSave': 'off',
  'files.insertFinalNewline': false,
  'files.trimTrailingWhitespace': false,
  'files.trimFinalNewlines': false,
  'editor.formatOnSave': false,
  'editor.minimap.enabled': false,
  'editor.lightbulb.enabled': 'on',
  'editor.hover.delay': 300,
  'editor.accessibilitySupport': 'off',
  'editor.wordWrap': 'on',
  'editor.stickyScroll.enabled': false,
  'outline.collapseItems': 'alwaysCollapse',
  'breadcrumbs.enabled': false,
  'problems.sortOrder': 'position',
  'search.followSymlinks': false,
  'terminal.integrated.enablePersistentSessions': false,
};

/** Keys for the commands the tests run (a person would use the menus; keys are deterministic). */
export const keys = {
  problems: 'ctrl+alt+shift+p',
  outline: 'ctrl+alt+shift+o',
  alignment: 'ctrl+alt+shift+a',
  showHover: 'ctrl+alt+shift+h',
  quickFix: 'ctrl+alt+shift+q',
  closeAll: 'ctrl+alt+shift+w',
  collapseOutline: 'ctrl+alt+shift+c',
  save: 'ctrl+alt+shift+s',
  saveAll: 'ctrl+alt+shift+l',
  gotoLine: 'ctrl+alt+shift+g',
  quickOpen: 'ctrl+alt+shift+f',
  closePanel: 'ctrl+alt+shift+j',
  closeSidebar: 'ctrl+alt+shift+b',
  maximizePanel: 'ctrl+alt+shift+m',
  focusEditor: 'ctrl+alt+shift+e',
} as const;

const keybindings = [
  { key: keys.problems, command: 'workbench.actions.view.problems' },
  { key: keys.outline, command: 'outline.focus' },
  { key: keys.alignment, command: 'planlint.alignment.focus' },
  { key: keys.showHover, command: 'editor.action.showHover' },
  { key: keys.quickFix, command: 'editor.action.quickFix' },
  { key: keys.closeAll, command: 'workbench.action.closeAllEditors' },
  { key: keys.collapseOutline, command: 'outline.collapse' },
  { key: keys.save, command: 'workbench.action.files.save' },
  { key: keys.saveAll, command: 'workbench.action.files.saveAll' },
  { key: keys.gotoLine, command: 'workbench.action.gotoLine' },
  { key: keys.quickOpen, command: 'workbench.action.quickOpen' },
  { key: keys.closePanel, command: 'workbench.action.closePanel' },
  { key: keys.closeSidebar, command: 'workbench.action.closeSidebar' },
  { key: keys.maximizePanel, command: 'workbench.action.toggleMaximizedPanel' },
  { key: keys.focusEditor, command: 'workbench.action.focusActiveEditorGroup' },
];

export interface CodeServer {
  url: string;
  /** the opened folder: a temporary copy of the seeds */
  workspace: string;
  root: string;
  /** everything code-server printed, for failure messages */
  output: string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** workspace settings (.vscode/settings.json of the copied seeds folder) */
  workspaceSettings?: Record<string, unknown>;
  /** more files in the workspace: name (relative to it) → UTF-8 text */
  files?: Record<string, string>;
  timeoutMs?: number;
}

function copySeeds(dest: string): void {
  const seeds = join(repoRoot, 'seeds');
  mkdirSync(dest, { recursive: true });
  for (const f of readdirSync(seeds)) if (f.endsWith('.txt')) cpSync(join(seeds, f), join(dest, f));
}

export async function startCodeServer(opts: StartOptions = {}): Promise<CodeServer> {
  const entry = ensureCodeServer();
  const vsix = vsixPath();
  const root = mkdtempSync(join(tmpdir(), 'planlint-e2e-vscode-'));
  const home = join(root, 'home');
  const dataDir = join(root, 'user-data');
  const extDir = join(root, 'extensions');
  const workspace = join(root, 'workspace');
  const config = join(root, 'config.yaml');
  for (const d of [home, join(home, '.config'), join(home, '.local', 'share'), join(home, '.cache'), join(dataDir, 'User'), extDir]) {
    mkdirSync(d, { recursive: true });
  }
  copySeeds(workspace);
  for (const [name, text] of Object.entries(opts.files ?? {})) {
    mkdirSync(dirname(join(workspace, name)), { recursive: true });
    writeFileSync(join(workspace, name), text);
  }
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(opts.workspaceSettings ?? {}, null, 2) + '\n');
  writeFileSync(join(dataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2) + '\n');
  writeFileSync(join(dataDir, 'User', 'keybindings.json'), JSON.stringify(keybindings, null, 2) + '\n');
  const port = await freePort();
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_RUNTIME_DIR: root,
    TMPDIR: root,
    PASSWORD: '',
    VSCODE_PROXY_URI: '',
  };
  const common = ['--config', config, '--user-data-dir', dataDir, '--extensions-dir', extDir];

  // install the packaged extension the way a user would
  try {
    execFileSync(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`code-server --install-extension ${vsix} failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`, { cause: e });
  }
  const installed = readdirSync(extDir).filter((d) => d.startsWith('planlint.'));
  if (installed.length === 0) throw new Error(`the extension did not land in ${extDir} (found: ${readdirSync(extDir).join(', ')})`);

  const output: string[] = [];
  const proc: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      workspace,
    ],
    // own process group, so that stopping it also ends its extension host and the language server
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  proc.stdout?.setEncoding('utf8');
  proc.stderr?.setEncoding('utf8');
  proc.stdout?.on('data', (d: string) => output.push(d));
  proc.stderr?.on('data', (d: string) => output.push(d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  // event-driven: poll the health endpoint until it answers (or the process dies)
  let ready = false;
  let dead = false;
  void exited.then(() => (dead = true));
  while (!ready && !dead && Date.now() < deadline) {
    try {
      const res = await fetch(`${url}healthz`);
      ready = res.ok;
    } catch {
      /* not listening yet */
    }
    if (!ready) await new Promise((r) => setTimeout(r, 200));
  }
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (proc.pid) process.kill(-proc.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const groupAlive = () => {
    try {
      if (proc.pid) process.kill(-proc.pid, 0);
      return !!proc.pid;
    } catch {
      return false;
    }
  };
  if (!ready) {
    killGroup('SIGKILL');
    throw new Error(`code-server did not answer on ${url}healthz (${dead ? 'it exited' : 'timeout'}):\n${output.join('')}`);
  }

  return {
    url: `${url}?folder=${encodeURIComponent(workspace)}`,
    workspace,
    root,
    output,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      killGroup('SIGKILL'); // children that outlived the parent (extension host, language server)
      // wait until the whole group is gone, so nothing writes into the folder while it is removed
      const gone = Date.now() + 5000;
      while (Date.now() < gone && groupAlive()) await new Promise((r) => setTimeout(r, 50));
      if (!process.env.PLANLINT_E2E_KEEP) rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/** Text of one file in the workspace copy. */
export function readWorkspaceFile(server: CodeServer, name: string): string {
  return readFileSync(join(server.workspace, name), 'utf8');
}
