/** `cmts/render`: HTML and Markdown documentation of task sequences and of the changes between two. */
export * from '../render/index.js';
