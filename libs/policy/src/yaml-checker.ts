import { parse } from 'yaml';

import type { Citation } from './policy.model.js';
import { PolicyFileError, type PolicyProblem } from './policy-file-error.js';

export type Fields = Record<string, unknown>;

const CITATION_KEYS = ['quote'] as const satisfies readonly (keyof Citation)[];

export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Leaves optional fields out rather than present-but-undefined, so a parsed file round-trips to the same YAML. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function readYaml(fileName: string, yamlText: string): unknown {
  try {
    return parse(yamlText);
  } catch (error) {
    throw new PolicyFileError(fileName, [{ path: '', message: `is not valid YAML: ${(error as Error).message}` }]);
  }
}

// Collects every problem rather than stopping at the first, so one run shows all that is wrong with a seed file.
export class Checker {
  readonly problems: PolicyProblem[] = [];

  fail(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  /** A mapping holding only the given keys: an unknown key is usually a misspelt optional field. */
  mapping(value: unknown, path: string, keys: readonly string[]): Fields | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(path, value === undefined ? 'is required' : `expected a mapping, got ${describe(value)}`);
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.fail(at(path, key), `is not a known field (expected one of ${keys.join(', ')})`);
    }
    return value as Fields;
  }

  /** A mapping whose keys are names the caller checks itself (tables, columns). */
  namedEntries(value: unknown, path: string): [string, unknown][] | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(path, value === undefined ? 'is required' : `expected a mapping, got ${describe(value)}`);
    }
    return Object.entries(value);
  }

  text(value: unknown, path: string): string | undefined {
    if (value === undefined) return this.fail(path, 'is required');
    if (typeof value !== 'string' || value.trim() === '')
      return this.fail(path, `expected text, got ${describe(value)}`);
    return value;
  }

  matching(value: unknown, path: string, pattern: RegExp, what: string): string | undefined {
    const text = this.text(value, path);
    if (text === undefined) return undefined;
    return pattern.test(text) ? text : this.fail(path, `"${text}" is not ${what}`);
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T | undefined {
    if (value === undefined) return this.fail(path, 'is required');
    if (typeof value !== 'string')
      return this.fail(path, `expected one of ${options.join(', ')}, got ${describe(value)}`);
    return options.includes(value as T)
      ? (value as T)
      : this.fail(path, `"${value}" is not one of ${options.join(', ')}`);
  }

  wholeNumber(value: unknown, path: string): number | undefined {
    if (value === undefined) return this.fail(path, 'is required');
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      return this.fail(path, `expected a whole number of at least 1, got ${describe(value)}`);
    }
    return value;
  }

  list(value: unknown, path: string, nonEmpty: boolean): unknown[] | undefined {
    if (value === undefined) return this.fail(path, 'is required');
    if (!Array.isArray(value)) return this.fail(path, `expected a list, got ${describe(value)}`);
    if (nonEmpty && value.length === 0) return this.fail(path, 'must list at least one entry');
    return value;
  }

  citation(value: unknown, path: string): Citation | undefined {
    const fields = this.mapping(value, path, CITATION_KEYS);
    if (!fields) return undefined;
    const quote = this.text(fields.quote, at(path, 'quote'));
    return quote === undefined ? undefined : { quote };
  }
}
