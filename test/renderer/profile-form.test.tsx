// The profile form asks for the app secret again when the address, sid or appkey change (a stored
// secret never follows a profile elsewhere), and production over plain http:// needs a visible tick.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeWdt, productionProfile } from './fake-api';
import { renderApp } from './render';

async function openEdit(fake: FakeWdt) {
  await renderApp(fake);
  fireEvent.click(screen.getByTestId('tab-settings'));
  fireEvent.click(await screen.findByRole('button', { name: `修改：${productionProfile.name}` }));
  const form = await screen.findByTestId('profile-form');
  return { form, field: (name: string) => form.querySelector(`[name="${name}"]`) as HTMLInputElement };
}

describe('profile form', () => {
  it('keeps the secret while the address and account stay; asks for it again when one changes', async () => {
    const fake = new FakeWdt();
    fake.profiles = [...fake.profiles, productionProfile];
    const { field } = await openEdit(fake);
    expect(field('appSecret').required).toBe(false);
    expect(field('appSecret').placeholder).toBe('已保存；留空则保持不变');
    for (const [name, value] of [['baseUrl', 'https://other.example.cn'], ['sid', 'other'], ['appkey', 'other']] as const) {
      const was = field(name).value;
      fireEvent.change(field(name), { target: { value } });
      expect(field('appSecret').required, name).toBe(true);
      expect(field('appSecret').placeholder).toBe('xxxx:yyyy');
      expect(screen.getByText(/请重新输入 AppSecret/)).toBeTruthy();
      fireEvent.change(field(name), { target: { value: was } });
      expect(field('appSecret').required, name).toBe(false);
    }
  });

  it('shows the http:// acknowledgement only for production over http, remembers it, and sends it', async () => {
    const fake = new FakeWdt();
    fake.profiles = [...fake.profiles, { ...productionProfile, baseUrl: 'http://wdt.wangdian.cn', plainHttpAcknowledged: true }];
    const { form, field } = await openEdit(fake);
    expect(field('acknowledgePlainHttp').checked).toBe(true);
    fireEvent.change(field('baseUrl'), { target: { value: 'https://wdt.wangdian.cn' } });
    expect(field('acknowledgePlainHttp')).toBeNull();
    fireEvent.change(field('baseUrl'), { target: { value: 'http://wdt.wangdian.cn' } });
    fireEvent.click(field('acknowledgePlainHttp'));
    fireEvent.submit(form);
    await waitFor(() => expect(fake.callsOf('profilesSave')).toHaveLength(1));
    expect(fake.callsOf('profilesSave')[0]).toMatchObject({ previousName: productionProfile.name, baseUrl: 'http://wdt.wangdian.cn', acknowledgePlainHttp: false });
    expect(fake.callsOf('profilesSave')[0]).not.toHaveProperty('appSecret');
  });
});
