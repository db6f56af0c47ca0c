// CSI/OSC/other escape sequences, then any remaining C0 (but tab and newline), DEL and C1 control.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_]?)|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidirectional overrides can make text read differently from what it is.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from files (checklists, answers, notes) made safe to print on a
 * terminal: escape sequences removed, other control characters shown as `?`.
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '?').replace(BIDI, '');
}

/** Like terminalSafe, but also folds newlines and tabs, for one-line output. */
export function oneLine(text: string): string {
  return terminalSafe(text).replace(/\s*[\r\n\t]+\s*/g, ' ');
}
