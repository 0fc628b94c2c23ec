// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { AttemptList } from '../../src-renderer/features/replay/AttemptList.js';
import { attemptView as attempt } from './fixtures.js';

afterEach(cleanup);

const body = '{"event":"PAYMENT_COMPLETED","data":{"pid":"pid-1","fiatAmount":170.00}}';
const original = { body, headers: [['content-type', 'application/json'] as [string, string]] };

describe('AttemptList', () => {
  it('works out a diff only for an expanded attempt, with the changed words marked', () => {
    render(
      <AttemptList
        original={original}
        attempts={[
          attempt({ id: 'rpa_2', bodyEdited: true, sentBody: body.replace('PAYMENT_COMPLETED', 'PAYMENT_FAILED') }),
          attempt({ id: 'rpa_1', bodyEdited: true, sentBody: body.replace('170.00', '171.00') }),
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Replay attempts' });
    // Collapsed: nothing of the detail is rendered, so no diff is computed.
    expect(within(list).queryByLabelText('Body diff')).toBeNull();
    expect(list.querySelector('.replay-attempt-detail')).toBeNull();

    fireEvent.click(list.querySelector('[data-attempt-id="rpa_2"] summary')!);
    const diff = within(list).getByLabelText('Body diff');
    expect([...diff.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['PAYMENT_COMPLETED']);
    expect([...diff.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['PAYMENT_FAILED']);
    expect(within(diff).getByText('1 line removed, 1 added')).toBeTruthy();
    expect(diff.querySelector('.diff-hunk')!.textContent).toBe('@@ -1,5 +1,5 @@');
    // The other attempt stays collapsed and unworked.
    expect(list.querySelector('[data-attempt-id="rpa_1"] .replay-attempt-detail')).toBeNull();

    fireEvent.click(list.querySelector('[data-attempt-id="rpa_2"] summary')!);
    expect(within(list).queryByLabelText('Body diff')).toBeNull();
  });

  it('copies the diff as a unified patch', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    render(<AttemptList original={original} attempts={[attempt({ bodyEdited: true, sentBody: body.replace('170.00', '171.00') })]} />);
    const list = screen.getByRole('list', { name: 'Replay attempts' });
    fireEvent.click(list.querySelector('summary')!);
    fireEvent.click(within(list).getByRole('button', { name: 'Copy patch' }));
    await within(list).findByRole('button', { name: 'Copied' });
    expect(written).toEqual([
      [
        '--- a/body.json\tdelivery dlv_1',
        '+++ b/body.json\tsent to Local staging',
        '@@ -2,6 +2,6 @@',
        '   "event": "PAYMENT_COMPLETED",',
        '   "data": {',
        '     "pid": "pid-1",',
        '-    "fiatAmount": 170.00',
        '+    "fiatAmount": 171.00',
        '   }',
        ' }',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    ]);
  });

  it('diffs edited headers, and shows an edited body as sent when the original is not known', () => {
    render(<AttemptList original={original} attempts={[attempt({ headersEdited: true, sentHeaders: [['content-type', 'text/plain']] })]} />);
    fireEvent.click(document.querySelector('summary')!);
    const headers = screen.getByLabelText('Header diff');
    expect([...headers.querySelectorAll('[data-diff]')].map((e) => e.textContent)).toEqual(['-content-type: application/json', '+content-type: text/plain']);
    cleanup();
    render(<AttemptList attempts={[attempt({ bodyEdited: true, sentBody: '{"x":1}' })]} />);
    fireEvent.click(document.querySelector('summary')!);
    expect(screen.queryByLabelText('Body diff')).toBeNull();
    expect(screen.getByText('{"x":1}')).toBeTruthy();
  });
});
