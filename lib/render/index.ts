/**
 * HTML and Markdown documentation of task sequences and of changes between two (`cmts render`).
 */
export { renderComparison, renderIndex, renderSequence, type IndexEntry, type RenderFormat, type RenderOptions } from './render-sequence.js';
export { renderHtml } from './render-html.js';
export { renderMarkdown } from './render-markdown.js';
export { buildSequenceView } from './build-sequence-view.js';
export { flattenItems, type ChangeView, type FindingView, type ItemRef, type ItemView, type ReferenceView, type SequenceView, type UsageRow, type ViewOptions } from './view-model.js';
export { buildComparisonView, overlayChanges } from './comparison-view.js';
export { keySettings, type Setting } from './key-settings.js';
export { itemUsage, type ItemUsage } from './usage.js';
