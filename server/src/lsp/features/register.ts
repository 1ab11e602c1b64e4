/**
 * The standard LSP language features (outline, folding, hover, code actions, code lenses,
 * completion, links): each handler asks for the current analysis and hands it to its feature
 * module in this folder. Non-plan documents get empty answers.
 */
import { alignmentOf } from '../alignment.js';
import type { ServerContext } from '../context.js';
import { codeActions } from './actions.js';
import { completions } from './completion.js';
import { headingHover, indicatorHover } from './hover.js';
import { codeLenses } from './lens.js';
import { documentLinks } from './links.js';
import { documentSymbols, foldingRanges } from './structure.js';

export function registerFeatures(ctx: ServerContext): void {
  const { connection, current, guard } = ctx;
  connection.onDocumentSymbol((p) =>
    guard('documentSymbol', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? documentSymbols(a.plan) : [];
    }),
  );

  connection.onFoldingRanges((p) =>
    guard('foldingRange', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? foldingRanges(a.plan) : [];
    }),
  );

  connection.onHover((p) =>
    guard('hover', null, async () => {
      const a = await current(p.textDocument.uri);
      if (!a?.context.isPlan) return null;
      const offset = a.plan.index.offsetAt(p.position);
      const align = alignmentOf(a.plan, a.context.requirements, a.context.year, a.session);
      return indicatorHover(a.plan, offset, align) ?? headingHover(a.plan, offset, align);
    }),
  );

  connection.onCodeAction((p) =>
    guard('codeAction', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? codeActions(a, p) : [];
    }),
  );

  connection.onCodeLens((p) =>
    guard('codeLens', [], async () => {
      const a = await current(p.textDocument.uri);
      if (!a?.context.isPlan || !a.context.settings.codeLens) return [];
      return codeLenses(a.plan, alignmentOf(a.plan, a.context.requirements, a.context.year, a.session));
    }),
  );

  connection.onCompletion((p) =>
    guard('completion', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? completions(a.plan, p.position, a.context.requirements) : [];
    }),
  );

  connection.onDocumentLinks((p) =>
    guard('documentLink', [], async () => {
      const a = await current(p.textDocument.uri);
      return a?.context.isPlan ? documentLinks(a.plan, a.context.requirementFiles) : [];
    }),
  );
}
