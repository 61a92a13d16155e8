/** How sure a detector is that a value is a real secret. */
export type SecretConfidence = 'high' | 'medium' | 'low';

/** One secret found in a text or value. Never holds the secret itself, only where it is. */
export interface SecretMatch {
  /** Stable id of the detector: `github-token`, `private-key`, `password-assignment`, `high-entropy`, … */
  kind: string;
  /** What was found, for people: "GitHub token", "AWS access key id", … */
  description: string;
  confidence: SecretConfidence;
  /** Offsets of the secret value in the scanned text (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** The value with most of it masked (see `redact`), safe to print. */
  redacted: string;
  /** The variable or key the value was assigned to, when the detector used one. */
  key?: string;
}

export interface SecretScanOptions {
  /**
   * Values or patterns never reported (the user's allow-list). Strings match the whole secret value
   * exactly; regular expressions are tested against the secret value.
   */
  allow?: readonly (string | RegExp)[];
  /** Also report high-entropy strings that match no known format (confidence `low`). Default: false. */
  entropy?: boolean;
  /**
   * How to read assignments in free text: `code` counts only quoted literals (source files), `config`
   * also counts bare values (`.env`, YAML, INI, properties, Dockerfiles). Default: `config`.
   */
  style?: 'code' | 'config';
}
