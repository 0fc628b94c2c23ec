/** Session settings ↔ the text fields of the Settings form (lists one per line). Pure. */
import type { SessionSettings } from '../../../src-shared/sessions/settings.js';

export interface SettingsDraft {
  fromCurrencies: string;
  toCurrencies: string;
  paymentLinkTemplate: string;
  creationAuth: SessionSettings['instaxchange']['creationAuth'];
  txLookupPathTemplate: string;
  explorerLinks: string;
  paychantPathTemplate: string;
  duplicateWindowMinutes: string;
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);

export function draftFrom(settings: SessionSettings): SettingsDraft {
  return {
    fromCurrencies: settings.instaxchange.fromCurrencies.join('\n'),
    toCurrencies: settings.instaxchange.toCurrencies.join('\n'),
    paymentLinkTemplate: settings.instaxchange.paymentLinkTemplate,
    creationAuth: settings.instaxchange.creationAuth,
    txLookupPathTemplate: settings.instaxchange.txLookupPathTemplate ?? '',
    explorerLinks: Object.entries(settings.instaxchange.explorerLinks)
      .map(([currency, template]) => `${currency} ${template}`)
      .join('\n'),
    paychantPathTemplate: settings.paychant.pathTemplate,
    duplicateWindowMinutes: String(settings.duplicateWindowMinutes),
  };
}

/** The settings to save; the main process validates them and answers per field. */
export function settingsFrom(draft: SettingsDraft): SessionSettings {
  const explorerLinks: Record<string, string> = {};
  for (const line of draft.explorerLinks.split('\n')) {
    const [currency, ...rest] = line.trim().split(/\s+/);
    if (currency) explorerLinks[currency] = rest.join(' ');
  }
  return {
    instaxchange: {
      fromCurrencies: lines(draft.fromCurrencies),
      toCurrencies: lines(draft.toCurrencies),
      paymentLinkTemplate: draft.paymentLinkTemplate.trim(),
      creationAuth: draft.creationAuth,
      txLookupPathTemplate: draft.txLookupPathTemplate.trim() || null,
      explorerLinks,
    },
    paychant: { pathTemplate: draft.paychantPathTemplate.trim() },
    duplicateWindowMinutes: Number(draft.duplicateWindowMinutes),
  };
}
