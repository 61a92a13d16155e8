import type { SecretConfidence } from './types.js';

/**
 * Known token formats. Each has literal keywords (a cheap `includes` test that skips the regular
 * expression on texts that cannot match), a global pattern whose `secret` group (or whole match) is
 * the secret, and optionally a check that rules out look-alikes.
 *
 * Formats are facts published by the providers (token prefixes and lengths); sources are listed in
 * docs/accuracy.md.
 */
export interface TokenFormat {
  id: string;
  description: string;
  keywords: readonly string[];
  pattern: RegExp;
  confidence: SecretConfidence;
  /** Literal prefix of the token that is safe to show (kept by `redact`). */
  prefix?: RegExp;
  /** Extra check on the secret (and the text around it). */
  validate?: (secret: string) => boolean;
}

/** Not preceded by a token character. */
const B = '(?<![A-Za-z0-9_])';
/** Not followed by a token character. */
const E = '(?![A-Za-z0-9_])';

function re(source: string, flags = 'g'): RegExp {
  return new RegExp(source, flags);
}

/** A JWT's header must decode to JSON with an `alg` (rules out look-alike base64 triples). */
function isJwt(token: string): boolean {
  const head = token.slice(0, token.indexOf('.'));
  try {
    const json = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as unknown;
    return typeof json === 'object' && json !== null && 'alg' in json;
  } catch {
    return false;
  }
}

/** A private key block must have a body: documentation often shows only the markers. */
function hasKeyBody(block: string): boolean {
  const body = block.replace(/-----[A-Z ]+-----/g, '').replace(/\\n|\\r|[\s"'`,]/g, '');
  let base64 = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47)
      base64++;
  }
  return base64 >= 64;
}

/** Mixed case and digits: rules out words and hex digests matched by loose 40-char patterns. */
function mixed(secret: string): boolean {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret);
}

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  {
    id: 'private-key',
    description: 'private key',
    keywords: ['PRIVATE KEY'],
    // The block up to its END line (or 8 KiB when unterminated); literal `\n` escapes count as lines.
    pattern:
      /-----BEGIN[ A-Z0-9]{0,20} PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,8192}?(?:-----END[ A-Z0-9]{0,20} PRIVATE KEY(?: BLOCK)?-----|$)/g,
    confidence: 'high',
    prefix: /^-----BEGIN[ A-Z0-9]* PRIVATE KEY(?: BLOCK)?-----/,
    validate: hasKeyBody,
  },
  {
    id: 'putty-private-key',
    description: 'PuTTY private key',
    keywords: ['PuTTY-User-Key-File-'],
    pattern: /PuTTY-User-Key-File-\d: [\s\S]{0,4096}?Private-Lines: \d+/g,
    confidence: 'high',
    prefix: /^PuTTY-User-Key-File-\d: /,
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: re(`(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])`),
    confidence: 'high',
    prefix: /^(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])/,
    // Real ids mix letters and digits; `AKIAAAAAAAAAAAAAAAAA` is a stand-in.
    validate: (s) => /[0-9]/.test(s.slice(4)) && /[A-Z]/.test(s.slice(4)),
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    keywords: ['ecret', 'ECRET'],
    pattern: re(
      `(?:aws_?secret_?access_?key|secret_?access_?key|aws_?secret_?key|aws_?secret)["']?\\s*(?:=|:|=>|:=)\\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      'gi',
    ),
    confidence: 'high',
    validate: mixed,
  },
  {
    id: 'github-token',
    description: 'GitHub token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: re(`${B}(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${E}`),
    confidence: 'high',
    prefix: /^(?:gh[pousr]_|github_pat_)/,
  },
  {
    id: 'gitlab-token',
    description: 'GitLab token',
    keywords: [
      'glpat-',
      'gldt-',
      'glrt-',
      'glptt-',
      'glcbt-',
      'glimt-',
      'glsoat-',
      'glffct-',
      'gloas-',
      'glagent-',
      'glft-',
      'glwt-',
      'GR1348941',
    ],
    pattern: re(
      `${B}(?:gl(?:pat|dt|rt|ptt|cbt|imt|soat|ffct|oas|agent|ft|wt)-[A-Za-z0-9_.-]{20,}|GR1348941[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_.-])`,
    ),
    confidence: 'high',
    prefix: /^(?:gl[a-z]+-|GR1348941)/,
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    keywords: ['xox', 'xapp-'],
    pattern: re(`${B}(?:xox[abposre]-[0-9]{5,}-[0-9A-Za-z-]{8,}|xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]{32,})${E}`),
    confidence: 'high',
    prefix: /^(?:xox[a-z]-|xapp-)/,
  },
  {
    id: 'slack-webhook',
    description: 'Slack webhook URL',
    keywords: ['hooks.slack.com'],
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9+/_-]{20,})/g,
    confidence: 'high',
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    keywords: ['AIza'],
    pattern: re(`(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])`),
    confidence: 'high',
    prefix: /^AIza/,
  },
  {
    id: 'google-oauth-client-secret',
    description: 'Google OAuth client secret',
    keywords: ['GOCSPX-'],
    pattern: re(`${B}GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])`),
    confidence: 'high',
    prefix: /^GOCSPX-/,
  },
  {
    id: 'stripe-key',
    description: 'Stripe secret key',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'whsec_'],
    pattern: re(`${B}(?:[sr]k_(?:live|test)_[0-9A-Za-z]{16,247}|whsec_[A-Za-z0-9+/]{32,})${E}`),
    confidence: 'high',
    prefix: /^(?:[sr]k_(?:live|test)_|whsec_)/,
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    keywords: ['npm_'],
    pattern: re(`${B}npm_[A-Za-z0-9]{36}${E}`),
    confidence: 'high',
    prefix: /^npm_/,
  },
  {
    id: 'pypi-token',
    description: 'PyPI API token',
    keywords: ['pypi-AgE'],
    pattern: re(`${B}pypi-AgE[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])`),
    confidence: 'high',
    prefix: /^pypi-/,
  },
  {
    id: 'docker-hub-token',
    description: 'Docker Hub access token',
    keywords: ['dckr_'],
    pattern: re(`${B}dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}(?![A-Za-z0-9_-])`),
    confidence: 'high',
    prefix: /^dckr_(?:pat|oat)_/,
  },
  {
    id: 'openai-key',
    description: 'OpenAI API key',
    keywords: ['T3BlbkFJ'],
    pattern: re(
      `${B}sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])`,
    ),
    confidence: 'high',
    prefix: /^sk-(?:proj-|svcacct-|admin-)?/,
  },
  {
    id: 'anthropic-key',
    description: 'Anthropic API key',
    keywords: ['sk-ant-'],
    pattern: re(`${B}sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,}(?![A-Za-z0-9_-])`),
    confidence: 'high',
    prefix: /^sk-ant-[a-z]+\d\d-/,
  },
  {
    id: 'sendgrid-key',
    description: 'SendGrid API key',
    keywords: ['SG.'],
    pattern: re(`${B}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`),
    confidence: 'high',
    prefix: /^SG\./,
  },
  {
    id: 'twilio-key',
    description: 'Twilio API key',
    keywords: ['SK'],
    pattern: re(`(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])`),
    confidence: 'medium',
    prefix: /^SK/,
  },
  {
    id: 'mailgun-key',
    description: 'Mailgun API key',
    keywords: ['key-'],
    pattern: re(`(?<![A-Za-z0-9_-])key-[0-9a-z]{32}(?![A-Za-z0-9])`),
    confidence: 'medium',
    prefix: /^key-/,
    validate: (s) => /[0-9]/.test(s.slice(4)) && /[a-z]/.test(s.slice(4)),
  },
  {
    id: 'vault-token',
    description: 'HashiCorp Vault token',
    keywords: ['hvs.', 'hvb.'],
    pattern: re(`${B}hv[sb]\\.[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])`),
    confidence: 'high',
    prefix: /^hv[sb]\./,
  },
  {
    id: 'terraform-token',
    description: 'Terraform Cloud token',
    keywords: ['.atlasv1.'],
    pattern: re(`${B}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_-]{60,}(?![A-Za-z0-9_-])`),
    confidence: 'high',
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean token',
    keywords: ['_v1_'],
    pattern: re(`${B}do[por]_v1_[a-f0-9]{64}${E}`),
    confidence: 'high',
    prefix: /^do[por]_v1_/,
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face token',
    keywords: ['hf_'],
    pattern: re(`${B}hf_[A-Za-z]{34}${E}`),
    confidence: 'high',
    prefix: /^hf_/,
    validate: (s) => /[a-z]/.test(s.slice(3)) && /[A-Z]/.test(s.slice(3)),
  },
  {
    id: 'shopify-token',
    description: 'Shopify token',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: re(`${B}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${E}`),
    confidence: 'high',
    prefix: /^shp[a-z]{2}_/,
  },
  {
    id: 'telegram-bot-token',
    description: 'Telegram bot token',
    keywords: [':AA'],
    pattern: re(`(?<![0-9A-Za-z])[0-9]{8,10}:AA[0-9A-Za-z_-]{33}(?![A-Za-z0-9_-])`),
    confidence: 'high',
  },
  {
    id: 'azure-storage-key',
    description: 'Azure storage account key',
    keywords: ['AccountKey='],
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/g,
    confidence: 'high',
  },
  {
    id: 'age-secret-key',
    description: 'age secret key',
    keywords: ['AGE-SECRET-KEY-1'],
    pattern: re(`AGE-SECRET-KEY-1[0-9A-Z]{58}${E}`),
    confidence: 'high',
    prefix: /^AGE-SECRET-KEY-1/,
  },
  {
    id: 'discord-webhook',
    description: 'Discord webhook URL',
    keywords: ['/api/webhooks/'],
    pattern:
      /https:\/\/(?:canary\.|ptb\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]+\/(?<secret>[A-Za-z0-9_-]{60,})/g,
    confidence: 'high',
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: ['eyJ'],
    pattern: re(
      `(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])`,
    ),
    confidence: 'medium',
    prefix: /^eyJ/,
    validate: isJwt,
  },
  {
    id: 'authorization-header',
    description: 'credentials in an Authorization header',
    keywords: ['uthorization', 'UTHORIZATION'],
    pattern:
      /authorization["']?\s*[:=]\s*["']?(?:bearer|token|basic)\s+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)(?![A-Za-z0-9._~+/=-])/gi,
    confidence: 'medium',
  },
];
