const WITHHELD = { ja: '非公開のため内容は照合していません', en: 'Confidential: its text was not compared' };

/**
 * A need the viewer may not read shows no text evidence: its text reason says
 * so, in the same words and with the same value (0) for every need, so
 * neither a word of it nor how well it matched shows through.
 */
export function withheldText<Reason extends { factor: string; value: number; message: object }>(
  reason: Reason,
): Reason {
  return reason.factor === 'text' ? { ...reason, value: 0, message: WITHHELD } : reason;
}
