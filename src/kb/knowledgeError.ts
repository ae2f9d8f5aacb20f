/**
 * A knowledge file that cannot be used. The message names the file and the field. Apart from
 * load.ts (zod) so that the one-question CLI can recognise it without loading the validation code
 * (its start-up snapshot never validates).
 */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `field "${field}"` : 'file'}: ${problem}`);
    this.name = 'KnowledgeError';
  }
}
