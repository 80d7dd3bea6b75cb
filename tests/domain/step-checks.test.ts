import { english } from '../../domain/messages';
import { STEP_CHECKS } from '../../domain/step-checks';
import { accept, STEP_CASES, triage } from '../../harness/step-data';

/**
 * The workflow checks step data without zod (memory); the API checks it with zod. Both must
 * agree on what is complete: every valid sample passes both, and removing or blanking any field
 * the zod schema requires fails both.
 */

describe.each(STEP_CASES)('%s', (_name, check, schema, valid) => {
  it('a complete sample passes both', () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(check(valid)).toBeNull();
  });

  it.each(Object.keys(valid))('without %s: both refuse if zod requires it', (key) => {
    const without = Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
    const zodOk = schema.safeParse(without).success;
    expect(check(without) === null).toBe(zodOk);
    if (typeof valid[key] === 'string') {
      const blank = { ...valid, [key]: '   ' };
      expect(check(blank) === null).toBe(schema.safeParse(blank).success);
    }
  });
});

it('names every bad field at once, as the API does', () => {
  expect(Object.keys(STEP_CHECKS.triage({ ...triage('remote', 5), analysis: ' ', faultLevel: 9 }) ?? {}).sort()).toEqual(['analysis', 'faultLevel']);
  expect(STEP_CHECKS.signature({ ...accept, image: 'data:image/gif;base64,AA' })).toEqual({ image: { code: 'signature.image_png' } });
  expect(english({ code: 'signature.image_png' })).toBe('Signature must be a PNG image');
});

it('refuses control characters in any text, as the API does (a NUL cannot be stored)', () => {
  expect(STEP_CHECKS.note({ text: '补充\u0000说明' })).toEqual({ text: { code: 'field.control_chars' } });
  expect(STEP_CHECKS.checkIn({ note: 'ok\u001b[31m' })).toEqual({ note: { code: 'field.control_chars' } });
  expect(STEP_CHECKS.triage({ ...triage('remote', 5), analysis: '第一行\n第二行\t缩进' })).toBeNull();
  for (const [, check, schema, valid] of STEP_CASES) {
    const textField = Object.keys(valid).find((k) => typeof valid[k] === 'string' && !/^(data:|\d{4}-)/.test(String(valid[k])) && k !== 'decision' && k !== 'outcome' && k !== 'route' && k !== 'category' && k !== 'maintenanceType');
    if (!textField) continue;
    const bad = { ...valid, [textField]: `${valid[textField]}\u0000` };
    expect([textField, check(bad)]).toEqual([textField, { [textField]: { code: 'field.control_chars' } }]);
    expect(schema.safeParse(bad).success).toBe(false);
  }
});
