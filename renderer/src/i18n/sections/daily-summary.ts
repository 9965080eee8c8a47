// The admin's daily summary by e-mail ('dailySummary.*'; features/settings/DailySummarySettings),
// English and Russian: a section of the app dictionaries.
import type { SectionOf } from './section';

export const DAILY_SUMMARY_EN = {
  'dailySummary.title': 'Daily summary by e-mail',
  'dailySummary.hint':
    "Yesterday's headline figures from the Reports tab, for the whole company and each warehouse, sent once a day by the server in each reader's language. Off until you turn it on; the server needs SMTP settings.",
  'dailySummary.enabled': 'Send the daily summary',
  'dailySummary.sendTime': 'Send at (company time)',
  'dailySummary.recipients': 'Who gets it',
  'dailySummary.noCandidates': 'No active supervisors or administrators.',
  'dailySummary.role_supervisor': 'supervisor',
  'dailySummary.role_admin': 'administrator',
  'dailySummary.noEmail': 'no e-mail: they set it in Settings → My notifications; until then it is skipped',
  'dailySummary.chosen': '{count} chosen',
  'dailySummary.save': 'Save the summary settings',
} as const;

export const DAILY_SUMMARY_RU = {
  'dailySummary.title': 'Ежедневная сводка по e-mail',
  'dailySummary.hint':
    'Главные показатели вкладки «Отчёты» за вчера — по всей компании и по каждому складу; сервер отправляет раз в день, каждому на его языке. Выключена, пока вы её не включите; серверу нужны настройки SMTP.',
  'dailySummary.enabled': 'Отправлять ежедневную сводку',
  'dailySummary.sendTime': 'Время отправки (время компании)',
  'dailySummary.recipients': 'Кому',
  'dailySummary.noCandidates': 'Нет активных руководителей и администраторов.',
  'dailySummary.role_supervisor': 'руководитель',
  'dailySummary.role_admin': 'администратор',
  'dailySummary.noEmail': 'нет e-mail: его указывают в «Настройки → Мои уведомления»; до тех пор сводка пропускается',
  'dailySummary.chosen': 'Выбрано: {count}',
  'dailySummary.save': 'Сохранить настройки сводки',
} as const satisfies SectionOf<typeof DAILY_SUMMARY_EN>;
