/**
 * What a plain scalar means to the two readers a book file has: YAML 1.2's core schema
 * (ours, and the oracles in tests) and YAML 1.1 (Jekyll, and PyYAML which wrote half the
 * files). A plain scalar is written only when both read it as the same string.
 */

const core = {
  null: /^(?:~|null|Null|NULL)?$/,
  bool: /^(?:true|True|TRUE|false|False|FALSE)$/,
  // Wider than the spec (signs and underscores on 0o/0x/0b) because js-yaml reads those as numbers too.
  int: /^[-+]?(?:[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)$/,
  float: /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
};

// PyYAML's implicit resolvers (resolver.py), which follow YAML 1.1 as Jekyll's Psych does.
const yaml11 = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:=)$/,
  /^(?:!|&|\*)$/,
];

/** PyYAML's timestamp resolver. */
export const yaml11Timestamp = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** True when YAML 1.2's core schema (and js-yaml's reading of it) reads the plain scalar `s` as a string. */
export function coreReadsAsString(s: string): boolean {
  return !(core.null.test(s) || core.bool.test(s) || core.int.test(s) || core.float.test(s));
}

/** True when YAML 1.1 reads the plain scalar `s` as a string (timestamps excepted when allowed). */
export function yaml11ReadsAsString(s: string, allowTimestamp = false): boolean {
  if (yaml11.some((re) => re.test(s))) return false;
  return allowTimestamp || !yaml11Timestamp.test(s);
}

/** What YAML 1.1 (Jekyll) makes of a plain scalar that the core schema reads as a string, or null when the same. */
export function yaml11Reading(s: string): 'boolean' | 'number' | 'null' | null {
  if (yaml11[0]!.test(s)) return 'boolean';
  if (yaml11[1]!.test(s) || yaml11[2]!.test(s)) return 'number';
  if (yaml11[4]!.test(s)) return 'null';
  return null;
}

/** YAML's printable characters (c-printable), minus the BOM. */
export function isPrintable(cp: number): boolean {
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || (cp >= 0x10000 && cp <= 0x10ffff);
}
