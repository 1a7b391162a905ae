// Settings' master-data panel over the fake window.wdt: each list's age or why it was skipped, a
// refresh whose pushed progress shows while it runs, and a stop button while it does.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeWdt } from './fake-api';
import { renderApp } from './render';

describe('settings: master data', () => {
  it('shows each list\'s age, a skipped list\'s notice, and progress while a refresh runs', async () => {
    const fake = new FakeWdt();
    fake.masterdata = {
      profile: 'sandbox',
      refreshing: false,
      lists: [
        { list: 'warehouses', state: 'fresh', count: 4, refreshedAt: '2026-11-25T10:00:00.000Z', asOf: '2026-11-25 18:00', ageSeconds: 7200, resumable: false, notice: null },
        { list: 'providers', state: 'partial', count: 2, refreshedAt: null, asOf: null, ageSeconds: null, resumable: true, notice: null },
        { list: 'specs', state: 'never', count: 0, refreshedAt: null, asOf: null, ageSeconds: null, resumable: false, notice: null },
        {
          list: 'providerGoods',
          state: 'denied',
          count: 0,
          refreshedAt: null,
          asOf: null,
          ageSeconds: null,
          resumable: false,
          notice: { key: 'masterdata.refresh.denied', params: { list: '供应商货品', method: 'purchase.ProviderGoods.queryDetail' } },
        },
      ],
    };
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('tab-settings'));
    const lists = await screen.findByTestId('masterdata-lists');
    await waitFor(() => expect(lists.textContent).toContain('4 条，更新于 2026-11-25 18:00（2 小时前）'));
    expect(lists.textContent).toContain('上次刷新未完成，将从中断处继续');
    expect(lists.textContent).toContain('尚未获取');
    expect(lists.textContent).toContain('权限不足');

    fake.hold('masterdataRefresh');
    fireEvent.click(screen.getByTestId('masterdata-refresh'));
    fake.emit('onDidMasterdataProgress', { profile: 'sandbox', list: 'specs', calls: 7, records: 12, until: '2024-03-01' });
    await waitFor(() => expect(screen.getByTestId('masterdata-progress').textContent).toBe('正在刷新货品（商家编码）：已查询 7 次，取得 12 条，已到 2024-03-01'));
    fireEvent.click(screen.getByTestId('masterdata-stop'));
    await waitFor(() => expect(fake.callsOf('masterdataStop')).toHaveLength(1));
    fake.release('masterdataRefresh');
    await waitFor(() => expect(screen.getByTestId('masterdata-outcome').textContent).toBe('刷新完成。'));
    expect(fake.callsOf('masterdataStatus').length).toBeGreaterThanOrEqual(2);
  });
});
