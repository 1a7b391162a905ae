import { describe, expect, it } from 'vitest';
import { parseAppSecret, signParams, wdtTimestamp } from '../../../main/wdt/sign';
import { signingString } from '../../../main/wdt/sign';

// The worked example of docs wdt-protocol.md ("Credentials and signing").
const example = {
  params: { sid: 'wdtapi3', key: 'testkey', salt: 'testsalt', method: 'purchase.PurchaseReturn.pending', v: '1.0', timestamp: '466412400' },
  body: '[["CR202006290001"]]',
  secret: 'testsecret',
};

describe('signing', () => {
  it('reproduces the worked example byte for byte', () => {
    expect(signingString(example.params, example.body, example.secret)).toBe(
      'testsecretbody[["CR202006290001"]]keytestkeymethodpurchase.PurchaseReturn.pendingsalttestsaltsidwdtapi3timestamp466412400v1.0testsecret',
    );
    expect(signParams(example.params, example.body, example.secret)).toBe('354c4c8ce51484416b04c7b5ffdf6c27');
  });

  it('ignores a sign parameter already present and does not depend on insertion order', () => {
    const shuffled = { v: '1.0', timestamp: '466412400', sign: 'whatever', sid: 'wdtapi3', method: example.params.method, salt: 'testsalt', key: 'testkey' };
    expect(signParams(shuffled, example.body, example.secret)).toBe('354c4c8ce51484416b04c7b5ffdf6c27');
  });

  it('interleaves paging parameters in byte order and hashes UTF-8', () => {
    const s = signingString({ ...example.params, page_size: '50', page_no: '0', calc_total: '1' }, '[{"remark":"退货"}]', 'k');
    expect(s).toBe('kbody[{"remark":"退货"}]calc_total1keytestkeymethodpurchase.PurchaseReturn.pendingpage_no0page_size50salttestsaltsidwdtapi3timestamp466412400v1.0k');
    // A change in the body changes the sign.
    expect(signParams(example.params, '[["CR202006290002"]]', example.secret)).not.toBe('354c4c8ce51484416b04c7b5ffdf6c27');
  });

  it('counts seconds from the vendor epoch', () => {
    expect(wdtTimestamp(1325347200_000)).toBe(0);
    expect(wdtTimestamp((1325347200 + 466412400) * 1000 + 999)).toBe(466412400);
  });
});

describe('parseAppSecret', () => {
  it('splits at the first colon', () => {
    expect(parseAppSecret('testsecret:testsalt')).toEqual({ ok: true, value: { secret: 'testsecret', salt: 'testsalt' } });
    expect(parseAppSecret('a:b:c')).toEqual({ ok: true, value: { secret: 'a', salt: 'b:c' } });
  });

  it('refuses malformed values without echoing them', () => {
    for (const bad of ['nocolonsecretvalue', ':saltonlyvalue', 'secretonlyvalue:']) {
      const result = parseAppSecret(bad, 'en');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('PROFILE_INVALID');
        expect(result.error.message).not.toContain('value');
      }
    }
    const empty = parseAppSecret('  ');
    expect(!empty.ok && empty.error.code).toBe('SECRET_MISSING');
  });
});
