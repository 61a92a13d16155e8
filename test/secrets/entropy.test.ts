import { describe, expect, it } from 'vitest';
import { looksRandom, randomEntropyThreshold, shannonEntropy } from '../../src/secrets/index.js';
import { randomish } from './tokens.js';

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
  });
});

describe('looksRandom', () => {
  it('accepts most random base62 tokens of 20+ characters', () => {
    let pass = 0;
    for (let seed = 1; seed <= 500; seed++) if (looksRandom(randomish(40, undefined, seed))) pass++;
    expect(pass / 500).toBeGreaterThan(0.85);
  });

  const notRandom = [
    'ThisIsAVeryLongIdentifierName1',
    'com.example.myapp.MainActivity2',
    'PSDocker-TestDeps-ubi-8.4',
    'LINUX.X64_193000_db_home.zip',
    '/opt/OpenJDK-1.8.0.51-bin',
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    '123e4567-e89b-12d3-a456-426614174000',
    'short1Ab',
    'alllowercaseandnodigitsatallhere',
  ];
  it.each(notRandom)('%s is not random', (value) => expect(looksRandom(value)).toBe(false));

  it('thresholds grow with length', () => {
    expect(randomEntropyThreshold(20)).toBeLessThan(randomEntropyThreshold(40));
    expect(randomEntropyThreshold(28)).toBeCloseTo(4.14, 2);
    expect(randomEntropyThreshold(1000)).toBe(randomEntropyThreshold(100));
  });
});
