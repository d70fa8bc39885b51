import { describe, expect, it } from 'vitest';
import { buildStep, stepView } from '../lib/catalog/index.js';
import { keySettings } from '../lib/catalog/key-settings.js';
import { findSteps, getAction, readTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';

// An Apply Operating System Image whose destination is the drive a variable names, as the console writes it: the
// line's `/target:%OSDisk%` is also what a logical-drive destination `%OSDisk%` would render.
const APPLY_TO_VARIABLE = `<sequence version="3.10">
  <step type="SMS_TaskSequence_ApplyOperatingSystemAction" name="Apply Operating System" description="" runIn="WinPE" successCodeList="0" retryCount="0" runFromNet="false">
    <action>OSDApplyOS.exe /image:ABC00001,%OSDImageIndex% /target:%OSDisk% /runfromnet:False</action>
    <defaultVarList>
      <variable name="OSDDestinationVariable" property="DestinationVariable">OSDisk</variable>
      <variable name="OSDImageIndex" property="ImageIndex">1</variable>
      <variable name="OSDImagePackageID" property="ImagePackageID" hidden="true">ABC00001</variable>
      <variable name="OSDRunFromNet" property="RunFromNet" hidden="true">false</variable>
    </defaultVarList>
  </step>
</sequence>
`;

const firstStep = (xml: string) => {
  const doc = readTaskSequence(xml);
  return { doc, step: findSteps(doc.sequence)[0]?.node as Step };
};

describe('an action line the variables render exactly is not read for more than they say', () => {
  it('a destination variable is not also read as a logical drive', () => {
    const { step } = firstStep(APPLY_TO_VARIABLE);
    const view = stepView<'SMS_TaskSequence_ApplyOperatingSystemAction'>(step);
    expect(view.get('destinationVariable')).toBe('OSDisk');
    expect(view.get('destinationLogicalDrive')).toBeUndefined();
    expect(keySettings(step).filter((l) => l.startsWith('destination'))).toEqual(['destination variable: OSDisk']);
  });

  it('setting the image package rewrites /image: only, with one /target:', () => {
    const { doc, step } = firstStep(APPLY_TO_VARIABLE);
    stepView<'SMS_TaskSequence_ApplyOperatingSystemAction'>(step).set('imagePackageId', 'ABC00002');
    expect(writeTaskSequenceText(doc)).toBe(APPLY_TO_VARIABLE.replaceAll('ABC00001', 'ABC00002'));
  });

  it('setting the destination variable of a built step replaces its /target:', () => {
    const step = buildStep('Apply Operating System Image', { name: 'Apply', settings: { imagePackageId: 'ABC00001', imageIndex: 1, destinationVariable: 'OSDisk' } });
    stepView<'SMS_TaskSequence_ApplyOperatingSystemAction'>(step).set('destinationVariable', 'WindowsDrive');
    expect(getAction(step)).toBe('OSDApplyOS.exe /image:ABC00001,%OSDImageIndex% /target:%WindowsDrive% /runfromnet:False');
  });

  it('Pre-provision BitLocker and Apply Data Image keep one /drive: or /target: too', () => {
    const bitlocker = buildStep('Pre-provision BitLocker', { name: 'BitLocker', settings: { destinationVariable: 'OSDisk' } });
    stepView<'SMS_TaskSequence_OfflineEnableBitLockerAction'>(bitlocker).set('destinationVariable', 'Other');
    expect(getAction(bitlocker)).not.toContain('%OSDisk%');
    expect(stepView(bitlocker).get('destinationLogicalDrive' as never)).toBeUndefined();
    const data = buildStep('Apply Data Image', { name: 'Data', settings: { imagePackageId: 'ABC00001', destinationVariable: 'DataDisk' } });
    stepView<'SMS_TaskSequence_ApplyDataImageAction'>(data).set('imagePackageId', 'ABC00003');
    expect(getAction(data)).toBe('OSDApplyOS.exe /data:ABC00003,%OSDDataImageIndex%  /target:%DataDisk%');
  });
});
