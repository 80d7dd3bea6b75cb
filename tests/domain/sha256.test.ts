import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../domain/sha256';

describe('the workflow’s own SHA-256', () => {
  it('matches node:crypto on edge-length, Chinese and random input', () => {
    const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), '系统维修单：白板无法显示', randomBytes(3000).toString('base64')];
    for (const text of inputs) expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('hashes equal content equally whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(sha256Hex(canonicalJson({ a: 1, b: 2 }))).toBe(sha256Hex(canonicalJson({ b: 2, a: 1 })));
  });
});
