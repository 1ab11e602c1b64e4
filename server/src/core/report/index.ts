export * from './model.js';
export { renderMarkdown } from './markdown.js';
export { renderHtml, escapeHtml } from './html.js';
