/**
 * Fake tokens for tests, built at run time so that no complete token-shaped string sits in the
 * repository (hosting providers' push protection and other scanners would flag them).
 */
const ALNUM = 'Zq8Lm3Xv7Tb2Nk9Pc4Hd6Js1Fa5Rw0YgUeKoQiVhBnWtCsMxGyDpAjElIrOu';

/** A deterministic pseudo-random string over an alphabet. */
export function randomish(length: number, alphabet = ALNUM, seed = 7): string {
  let out = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[(x >>> 12) % alphabet.length];
  }
  return out;
}

const join = (...parts: string[]) => parts.join('');

export const FAKE = {
  awsKeyId: join('AK', 'IA', 'Z3MSJV4WXXFGT2QB'),
  awsSecret: randomish(38, `${ALNUM}/+`, 3) + 'x9',
  github: join('gh', 'p_', randomish(36, ALNUM, 11)),
  githubFineGrained: join('github', '_pat_', randomish(22, ALNUM, 5), '_', randomish(59, ALNUM, 6)),
  gitlab: join('gl', 'pat-', randomish(20, ALNUM, 13)),
  slackBot: join('xo', 'xb-', '1234567890123-1234567890123-', randomish(24, ALNUM, 17)),
  slackWebhook: join('https://hooks.', 'slack.com/services/T0AB12CD3/B0EF45GH6/', randomish(24, ALNUM, 19)),
  googleApiKey: join('AI', 'za', randomish(35, ALNUM, 23)),
  stripeLive: join('sk', '_live_', randomish(24, ALNUM, 29)),
  npm: join('np', 'm_', randomish(36, ALNUM, 31)),
  pypi: join('py', 'pi-AgEIcHlwaS5vcmc', randomish(60, ALNUM, 37)),
  dockerHub: join('dc', 'kr_pat_', randomish(27, ALNUM, 41)),
  privateKey: join(
    '-----BEGIN RSA ',
    'PRIVATE KEY-----\n',
    `${randomish(64, `${ALNUM}/+`, 43)}\n${randomish(64, `${ALNUM}/+`, 47)}\n`,
    '-----END RSA ',
    'PRIVATE KEY-----',
  ),
  openssh: join(
    '-----BEGIN OPENSSH ',
    'PRIVATE KEY-----\n',
    `${randomish(70, `${ALNUM}/+`, 53)}\n`,
    '-----END OPENSSH ',
    'PRIVATE KEY-----',
  ),
  jwt: [
    Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
    Buffer.from('{"sub":"1234567890","name":"x"}').toString('base64url'),
    randomish(43, `${ALNUM}_-`, 59),
  ].join('.'),
  sendgrid: join('SG', '.', randomish(22, ALNUM, 61), '.', randomish(43, ALNUM, 67)),
  vault: join('hv', 's.', randomish(90, ALNUM, 71)),
} as const;
