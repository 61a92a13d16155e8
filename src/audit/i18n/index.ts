/** The audit report's catalog (`defineCatalog('audit', …)`): every user-facing string in en, zh and ru. */
import { defineCatalog, type Lang } from '../../i18n/catalog.js';
import { type AuditKey, en } from './en.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { AuditKey };

export const auditCatalog = defineCatalog('audit', en, zh, ru);

export type Translate = (key: AuditKey, data?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, data) => auditCatalog.t(lang, key, data);
}
