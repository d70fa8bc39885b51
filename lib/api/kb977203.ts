/** `cmts/kb977203`: the KB977203 preset (apply, check, revert), its constants, and the R1 check. */
export {
  applyKb977203,
  checkKb977203,
  KB977203_HOTFIX_DIR,
  KB977203_MSP,
  KB977203_STEP_NAMES,
  kb977203PatchPath,
  type Kb977203Options,
  type Kb977203Report,
  type Kb977203Scenario,
} from '../presets/kb977203.js';
export { findHotfixInstallSteps, type HotfixInstallStep } from '../presets/kb977203-r1.js';
export { revertKb977203 } from '../presets/kb977203-revert.js';
