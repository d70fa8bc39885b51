/** The console's limits: names up to 50 characters, descriptions up to 256. */
import { MAX_DESCRIPTION, MAX_STEP_NAME } from '../../model/builders.js';
import { listItems } from '../../model/query.js';
import type { Finding, LintRule } from '../rule.js';

/** Lint rule `name-too-long` (see its description). */
export const nameLength: LintRule = {
  id: 'name-too-long',
  severity: 'warning',
  description: `Step and group names longer than ${MAX_STEP_NAME} characters, which the console does not allow.`,
  check: (doc) =>
    listItems(doc.sequence).flatMap((located): Finding[] => {
      const n = located.node.attributes.name ?? '';
      return n.length > MAX_STEP_NAME ? [{ located, message: `The name has ${n.length} characters; the console allows ${MAX_STEP_NAME}.` }] : [];
    }),
};

/** Lint rule `description-too-long` (see its description). */
export const descriptionLength: LintRule = {
  id: 'description-too-long',
  severity: 'warning',
  description: `Descriptions longer than ${MAX_DESCRIPTION} characters, which the console does not allow.`,
  check: (doc) =>
    listItems(doc.sequence).flatMap((located): Finding[] => {
      const d = located.node.attributes.description ?? '';
      return d.length > MAX_DESCRIPTION ? [{ located, message: `The description has ${d.length} characters; the console allows ${MAX_DESCRIPTION}.` }] : [];
    }),
};
