/**
 * How ConfigMgr reads a flag's text (.NET's bool.Parse: case and surrounding white space ignored), in a module of its
 * own that imports nothing, so the catalog's rule parser and the model's secret tests share it without an import cycle.
 */

/** Whether a flag's text is true (`true` in any case, white space around it ignored): "Do not display this value", a rule variable's IsSecret. */
export function isTrueFlag(text: string | undefined): boolean {
  return text?.trim().toLowerCase() === 'true';
}
