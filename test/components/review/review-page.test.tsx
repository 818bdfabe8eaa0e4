import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../src/renderer/src/app/app-store';
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store';
import { ReviewPage } from '../../../src/renderer/src/features/review';
import { useReviewStore } from '../../../src/renderer/src/features/review/review-store';
import { i18n } from '../../../src/renderer/src/i18n';
import type { SmsAdminBridge } from '@shared/contract';
import { err, ok } from '@shared/result';
import type { EligibilityRow } from '@shared/review-types';
import { DEFAULT_PREFERENCES } from '@shared/settings';
import { appInfo, fakeBridge, renderWithBridge, unnamedControls } from '../helpers';
import { estimate, history, imported, readiness, reviewFile, userList } from './fixtures';

const ROWS: EligibilityRow[] = [
  { index: 0, line: 2, email: 'a@x.nl', name: 'An', participantNumbers: ['11111'], mobileMasked: '+31 •••••••01', status: 'eligible', details: {} },
  { index: 1, line: 3, email: 'b@x.nl', name: 'Bo', participantNumbers: ['11111', '22222'], mobileMasked: null, status: 'several_participants', details: { participantNumbers: '11111|22222' } },
];

function bridgeWith(overrides: Partial<SmsAdminBridge> = {}, host: 'electron' | 'browser' = 'electron', language: 'system' | 'nl' = 'system') {
  return fakeBridge(
    {
      getReadiness: async () => ok(readiness),
      getUserList: async () => ok(null),
      estimateCost: async () => ok(estimate),
      getCostHistory: async () => ok(history),
      getEligibilityRows: async ({ offset }) =>
        ok({ total: ROWS.length, offset, rows: ROWS }),
      ...overrides,
    },
    { info: appInfo({ host }), preferences: { ...DEFAULT_PREFERENCES, language } },
  );
}

async function renderPage(bridge: SmsAdminBridge) {
  useReviewStore.setState(useReviewStore.getInitialState(), true);
  renderWithBridge(<ReviewPage />, bridge);
  await act(() => useAppStore.getState().load());
  await screen.findByText('Overall verdict:');
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});

describe('Review page', () => {
  it('shows the overall verdict, each profile with its checks and a way to fix them, and the AFAS advice', async () => {
    await renderPage(bridgeWith());
    expect(screen.getByText(/^Not ready: no participant number is fully set up/)).toBeInTheDocument();

    const ready = screen.getByRole('region', { name: 'Participant 11111: Productie' });
    expect(within(ready).getAllByText('Pass').length).toBeGreaterThan(1);
    expect(ready).toHaveTextContent(/Checked .* \(2 days ago\), balance €12\.50\./);
    expect(ready).toHaveTextContent('Note: Entered by Jan');

    const sandbox = screen.getByRole('region', { name: 'Participant 22222: Oefen' });
    expect(within(sandbox).getByText('Sandbox')).toBeInTheDocument();
    expect(sandbox).toHaveTextContent('Confirmed in Sandbox: never counts as ready.');

    const portal = screen.getByRole('region', { name: 'Participant 33333: Test' });
    expect(portal).toHaveTextContent('Not yet entered in the AFAS Online portal');
    expect(portal).toHaveTextContent('1 failed send in the last 30 days.');
    await userEvent.click(within(portal).getByRole('button', { name: 'Go to Setup: AFAS portal of Participant 33333: Test' }));
    expect(useNavigationStore.getState().page).toBe('setup');

    expect(screen.getByRole('note')).toHaveTextContent('SMS is a restricted authenticator');
    expect(screen.getByRole('note')).toHaveTextContent('AFAS Pocket or single sign-on');
    expect(unnamedControls()).toEqual([]);
  });

  it('desktop: imports through the native dialog and shows counts, the table, unreadable rows, and exports the CSV', async () => {
    const importUserList = vi.fn<SmsAdminBridge['importUserList']>(async () => ok({ status: 'imported' as const, list: userList }));
    const exportEligibilityCsv = vi.fn<SmsAdminBridge['exportEligibilityCsv']>(async () => ok({ status: 'saved' as const, path: '/tmp/result.csv', rows: 6 }));
    await renderPage(bridgeWith({ importUserList, exportEligibilityCsv }));
    await userEvent.click(screen.getByRole('button', { name: 'Import user list' }));
    expect(importUserList).toHaveBeenCalledWith({ source: 'dialog' });

    const summary = screen.getByLabelText('Result', { selector: 'dl' });
    expect(within(summary).getByText('Eligible').closest('[data-status]')).toHaveTextContent('2');
    expect(within(summary).getByText('Duplicate').closest('[data-status]')).toHaveTextContent('1');
    expect(screen.getByText('5 users from 8 rows; 1 row could not be read')).toBeInTheDocument();
    expect(screen.getByText('Line 7: not a valid e-mail address')).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail address', { selector: 'select' })).toHaveValue('0');

    await userEvent.click(screen.getByRole('button', { name: 'Export result (CSV)' }));
    expect(exportEligibilityCsv).toHaveBeenCalledWith({ importId: userList.importId, language: 'en' });
    expect(await screen.findByText('6 rows saved to /tmp/result.csv.')).toBeInTheDocument();
  });

  it('browser host: the same button opens a file chooser and uploads the file', async () => {
    const importUserList = vi.fn<SmsAdminBridge['importUserList']>(async () => ok({ status: 'imported' as const, list: userList }));
    await renderPage(bridgeWith({ importUserList }, 'browser'));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const click = vi.spyOn(input, 'click');
    await userEvent.click(screen.getByRole('button', { name: 'Import user list' }));
    expect(click).toHaveBeenCalled();
    const file = new File(['\uFEFFE-mail;Deelnemernummer\na@x.nl;11111\n'], 'users.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(importUserList).toHaveBeenCalled());
    const source = importUserList.mock.calls[0]![0];
    expect(source).toMatchObject({ source: 'upload', fileName: 'users.csv' });
    const bytes = Uint8Array.from(atob((source as { contentBase64: string }).contentBase64), (c) => c.charCodeAt(0));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFE-mail;Deelnemernummer\na@x.nl;11111\n');
  });

  it('changes the columns, filters and searches the table, keeps the list and clears it after asking', async () => {
    const classifyUserList = vi.fn<SmsAdminBridge['classifyUserList']>(async ({ mapping }) => ok({ ...userList, mapping }));
    const getEligibilityRows = vi.fn<SmsAdminBridge['getEligibilityRows']>(async ({ offset }) => ok({ total: ROWS.length, offset, rows: ROWS }));
    const keepUserList = vi.fn<SmsAdminBridge['keepUserList']>(async () => ok({ ...userList, kept: true }));
    const clearUserList = vi.fn<SmsAdminBridge['clearUserList']>(async () => ok({ cleared: true }));
    await renderPage(bridgeWith({ getUserList: async () => ok(userList), classifyUserList, getEligibilityRows, keepUserList, clearUserList }));
    expect(await screen.findByText('2 rows shown')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Mobile number', { selector: 'select' }), '');
    await userEvent.click(screen.getByRole('button', { name: 'Apply columns' }));
    expect(classifyUserList).toHaveBeenCalledWith({ importId: userList.importId, mapping: { email: 0, participantNumber: 1, mobile: null, name: 3 } });

    await userEvent.selectOptions(screen.getByLabelText('Show'), 'duplicate');
    await waitFor(() => expect(getEligibilityRows).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'duplicate', offset: 0 })));
    await userEvent.type(screen.getByLabelText('Search'), 'Piet{Enter}');
    await waitFor(() => expect(getEligibilityRows).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'duplicate', search: 'Piet' })));

    await userEvent.click(screen.getByRole('button', { name: 'Keep on this computer' }));
    expect(keepUserList).toHaveBeenCalledWith({ importId: userList.importId });
    expect(await screen.findByText('The list is kept on this computer, with phone numbers masked.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Clear the list' }));
    expect(clearUserList).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Clear the user list?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Clear the list' }));
    expect(clearUserList).toHaveBeenCalled();
    expect(await screen.findByText('The user list was cleared.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export result (CSV)' })).toBeNull();
  });

  it('refuses a file over the size limit before uploading it, and names the limit', async () => {
    const importUserList = vi.fn<SmsAdminBridge['importUserList']>();
    await renderPage(bridgeWith({ importUserList }, 'browser'));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    const big = new File(['x'], 'big.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: 17 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is too large: at most 16 MB. Nothing was changed.');
    expect(importUserList).not.toHaveBeenCalled();
  });

  it('says why a user list was refused', async () => {
    await renderPage(bridgeWith({ importUserList: async () => err('too_many_rows', 'x', { details: { rows: 100_001, max: 100_000 } }) }));
    await userEvent.click(screen.getByRole('button', { name: 'Import user list' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file has 100001 rows; at most 100000 can be imported. Nothing was imported.');
  });

  it('estimates the cost with the AFAS price level shown, the cost split, and the chart with a table', async () => {
    const estimateCost = vi.fn<SmsAdminBridge['estimateCost']>(async () => ok(estimate));
    await renderPage(bridgeWith({ estimateCost }));
    const facts = await screen.findByTestId('cost-estimate');
    expect(facts).toHaveTextContent('€0.056 (NL, price level September 2021)');
    expect(facts).toHaveTextContent('€2.24');
    expect(facts).toHaveTextContent('€26.88');
    expect(facts).toHaveTextContent('covers about 223 login SMS');

    await userEvent.clear(screen.getByLabelText('Eligible users'));
    await userEvent.type(screen.getByLabelText('Eligible users'), '1000');
    await userEvent.clear(screen.getByLabelText('Price per part (€)'));
    await userEvent.type(screen.getByLabelText('Price per part (€)'), '0,07');
    await userEvent.click(screen.getByRole('button', { name: 'Calculate' }));
    expect(estimateCost).toHaveBeenLastCalledWith({ eligibleUsers: 1000, loginsPerUserPerMonth: 20, partsPerMessage: 1, pricePerPart: 0.07, country: 'NL', priceDate: '2021-09' });

    const split = screen.getByRole('table', { name: 'The cost split as AFAS describes it' });
    expect(within(split).getByRole('row', { name: /Login codes/ })).toHaveTextContent('Your organisation');
    expect(within(split).getByRole('row', { name: /Resetting AFAS Pocket/ })).toHaveTextContent('AFAS');

    const chart = screen.getByRole('img', { name: /Live SMS and cost per month/ });
    expect(chart.querySelectorAll('rect')).toHaveLength(4);
    const table = screen.getByRole('table', { name: 'Live SMS and cost per month' });
    expect(within(table).getByRole('row', { name: /November 2026/ })).toHaveTextContent('(includes estimates)');
  });

  it('refuses a damaged review file with the reason and keeps what was shown', async () => {
    const importReviewFile = vi.fn<SmsAdminBridge['importReviewFile']>()
      .mockResolvedValueOnce(ok({ status: 'imported' as const, ...imported() }))
      .mockResolvedValueOnce(err('review_file_damaged', 'x'));
    await renderPage(bridgeWith({ importReviewFile }));
    await userEvent.click(screen.getByRole('button', { name: 'Open a review file' }));
    expect(await screen.findByText('No differences: the file matches this computer.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open a review file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The review file is damaged and was refused. Nothing was changed.');
    expect(screen.getByText('No differences: the file matches this computer.')).toBeInTheDocument();
  });

  it('highlights differences side by side', async () => {
    const differences = [{ path: 'profiles/11111/originator', theirs: 'Acme', ours: 'AcmeBV' }];
    await renderPage(bridgeWith({ importReviewFile: async () => ok({ status: 'imported' as const, ...imported(differences) }) }));
    await userEvent.click(screen.getByRole('button', { name: 'Open a review file' }));
    const row = await screen.findByRole('row', { name: /Participant 11111: Sender/ });
    expect(row).toHaveAttribute('data-different', 'true');
    expect(row).toHaveTextContent('different');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Acme', 'AcmeBV']);
    expect(screen.getByRole('row', { name: /Participant 11111: Description/ })).not.toHaveAttribute('data-different');
  });

  it('shows a profile only this computer has, from the review main made now', async () => {
    const extra = { ...reviewFile.profiles[0]!, id: 'p-new', participantNumber: '44444', originator: 'Nieuw' };
    const ours = { ...reviewFile, profiles: [...reviewFile.profiles, extra] };
    const differences = [{ path: 'profiles/44444/originator', theirs: null, ours: 'Nieuw' }];
    await renderPage(bridgeWith({ importReviewFile: async () => ok({ status: 'imported' as const, ...imported(differences), ours }) }));
    await userEvent.click(screen.getByRole('button', { name: 'Open a review file' }));
    const sender = await screen.findByRole('row', { name: /Participant 44444: Sender/ });
    expect(within(sender).getAllByRole('cell').map((c) => c.textContent)).toEqual(['—', 'Nieuw']);
    const description = screen.getByRole('row', { name: /Participant 44444: Description/ });
    expect(within(description).getAllByRole('cell').map((c) => c.textContent)).toEqual(['—', 'Productie']);
  });

  it('exports the review file without e-mail addresses unless asked', async () => {
    const exportReviewFile = vi.fn<SmsAdminBridge['exportReviewFile']>(async () => ok({ status: 'saved' as const, path: '/tmp/review.json' }));
    await renderPage(bridgeWith({ exportReviewFile }));
    await userEvent.click(screen.getByRole('button', { name: 'Export review file' }));
    expect(exportReviewFile).toHaveBeenLastCalledWith({ includeEmails: false });
    await userEvent.click(screen.getByLabelText('Include e-mail addresses'));
    await userEvent.click(screen.getByRole('button', { name: 'Export review file' }));
    expect(exportReviewFile).toHaveBeenLastCalledWith({ includeEmails: true });
  });

  it('report: desktop saves a PDF; browser prints; the report can be in the other language', async () => {
    const saveReportPdf = vi.fn<SmsAdminBridge['saveReportPdf']>(async () => ok({ status: 'saved' as const, path: '/tmp/report.pdf' }));
    await renderPage(bridgeWith({ saveReportPdf }));
    await userEvent.click(screen.getByRole('button', { name: 'Show the printable report' }));
    expect(screen.getByRole('heading', { level: 1, name: 'SMS provider review' })).toHaveFocus();
    expect(screen.queryByRole('button', { name: /^Go to/ })).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Language of the report'), 'nl');
    expect(screen.getByRole('heading', { level: 1, name: 'Controle van de SMS-provider' })).toBeInTheDocument();
    expect(screen.getByText(/^Niet klaar: geen enkel deelnemernummer/)).toBeInTheDocument();
    // The controls stay in the app's language.
    await userEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(saveReportPdf).toHaveBeenCalled();
    expect(await screen.findByText('The PDF was saved to /tmp/report.pdf.')).toBeInTheDocument();
    expect(i18n.language).toBe('en');
  });

  it('report in the browser host opens the print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await renderPage(bridgeWith({}, 'browser'));
    await userEvent.click(screen.getByRole('button', { name: 'Show the printable report' }));
    expect(document.documentElement).toHaveClass('printing-review');
    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Back to the review' }));
    expect(document.documentElement).not.toHaveClass('printing-review');
    expect(screen.getByRole('button', { name: 'Show the printable report' })).toHaveFocus();
  });

  it('speaks Dutch: the import button is "Gebruikerslijst importeren"', async () => {
    useReviewStore.setState(useReviewStore.getInitialState(), true);
    renderWithBridge(<ReviewPage />, bridgeWith({}, 'electron', 'nl'));
    await act(() => useAppStore.getState().load());
    expect(await screen.findByRole('button', { name: 'Gebruikerslijst importeren' })).toBeInTheDocument();
    expect(screen.getByText('Totaaloordeel:')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Controlebestand exporteren' })).toBeInTheDocument();
  });
});
