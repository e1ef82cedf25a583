export interface PolicyProblem {
  /** Field path inside the seed file, e.g. "rights[2].type"; empty when the problem is the whole file. */
  path: string;
  message: string;
}

/** A seed policy file that cannot be used. The message has one line per problem, each naming the file and field. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';

  constructor(
    readonly fileName: string,
    readonly problems: readonly PolicyProblem[],
  ) {
    super(problems.map((p) => `${fileName}: ${p.path === '' ? '' : `${p.path}: `}${p.message}`).join('\n'));
  }
}
