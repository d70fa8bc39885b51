/** `cmts/kb977203`: the KB977203 preset, its constants, and the R1 check (steps that install the hotfix themselves). */
export {
  applyKb977203,
  KB977203_HOTFIX_DIR,
  KB977203_MSP,
  KB977203_STEP_NAMES,
  kb977203PatchPath,
  type Kb977203Options,
  type Kb977203Report,
  type Kb977203Scenario,
} from '../presets/kb977203.js';
export { findHotfixInstallSteps, type HotfixInstallStep } from '../presets/kb977203-r1.js';
