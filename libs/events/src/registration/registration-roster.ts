import { stringify } from 'csv-stringify/sync';
import type { BilingualText } from '#libs/core';

export interface RosterRow {
  name: BilingualText;
  organization: string;
  email: string;
  status: string;
  registeredAt: Date;
  checkedInAt: Date | null;
}

const HEADER = [
  '氏名 / Name',
  '所属 / Organization',
  'メールアドレス / E-mail',
  '状態 / Status',
  '登録日時 (日本時間) / Registered at (Asia/Tokyo)',
  '受付日時 (日本時間) / Checked in at (Asia/Tokyo)',
];

const both = (text: BilingualText) => [text.ja, text.en].filter((part) => part).join(' / ');

// a cell starting like a formula is shown as text, not run by the spreadsheet
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

// sv-SE writes ISO-like "2026-12-01 17:08:41"
const tokyo = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The roster for the door: UTF-8 with a BOM and CRLF so Excel reads the Japanese. */
export function rosterCsv(rows: RosterRow[]): string {
  return stringify(
    [
      HEADER,
      ...rows.map((row) => [
        cell(both(row.name)),
        cell(row.organization),
        cell(row.email),
        row.status,
        tokyo.format(row.registeredAt),
        row.checkedInAt ? tokyo.format(row.checkedInAt) : '',
      ]),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
}
