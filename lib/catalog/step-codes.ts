/**
 * Success codes and retries: attributes that some step types mirror in a hidden variable (Run Command Line and Run
 * PowerShell Script keep `SuccessCodes`, Install Application and Install Software Updates `RetryCount`). Setting one
 * keeps both in step.
 */
import { TaskSequenceError } from '../errors.js';
import { setItemAttribute } from '../model/attributes.js';
import type { Step, SubTaskSequence } from '../model/types.js';
import { StepView } from './step-view.js';
import { codesProblem, UINT32_MAX } from './values.js';
import { describeGiven } from '../model/child-nodes.js';
import { variableOfSetting } from './variable-match.js';

/** Sets the exit codes that count as success (`successCodeList`, and the `SuccessCodes` variable where the type has one). */
export function setSuccessCodes(step: Step | SubTaskSequence, codes: readonly number[]): void {
  const problem = codesProblem('Success codes', codes);
  if (problem !== undefined) throw new TaskSequenceError('INVALID_ARGUMENT', problem);
  const view = new StepView(step);
  if (view.entry && variableOfSetting(view.entry, 'successCodes')) view.set('successCodes', [...codes]);
  setItemAttribute(step, 'successCodeList', codes.join(' '));
}

/** Sets how many times a failed step is retried (`retryCount`, and the `RetryCount` variable where the type has one). */
export function setRetryCount(step: Step | SubTaskSequence, count: number): void {
  // Safe integers only: 1e21 is an integer that String() writes as "1e+21".
  // At most a UInt32's largest, as every integer the catalog has (steps.json types them `uint`); a string, shown as one.
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > UINT32_MAX) throw new TaskSequenceError('INVALID_ARGUMENT', `A retry count must be a whole number from 0 to ${UINT32_MAX}, not ${typeof count === 'number' ? String(count) : describeGiven(count)}.`);
  const view = new StepView(step);
  if (view.entry && variableOfSetting(view.entry, 'retryCount')) view.set('retryCount', count);
  setItemAttribute(step, 'retryCount', String(count));
}
