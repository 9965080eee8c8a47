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
  'dailySummary.err.forbidden': 'Only an administrator changes the daily summary.',
  'dailySummary.err.unavailable': 'Not saved: the server cannot be reached. Try again.',
  'dailySummary.err.noneChosen': '“Who gets it”: choose at least one person, or turn the summary off.',
  'dailySummary.err.recipient':
    '“Who gets it”: a chosen person can no longer get the summary (no longer active, or not a supervisor or administrator). Untick them and save again.',
  'dailySummary.err.sendTime': '“Send at”: a time from 00:00 to 23:59.',
  'dailySummary.err.other': 'Not saved: the server refused the change. Try again; if it repeats, tell your admin.',
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
  'dailySummary.err.forbidden': 'Сводку меняет только администратор.',
  'dailySummary.err.unavailable': 'Не сохранено: сервер недоступен. Попробуйте ещё раз.',
  'dailySummary.err.noneChosen': '«Кому»: выберите хотя бы одного человека или выключите сводку.',
  'dailySummary.err.recipient':
    '«Кому»: один из выбранных больше не может получать сводку (не активен или не руководитель и не администратор). Снимите отметку и сохраните снова.',
  'dailySummary.err.sendTime': '«Время отправки»: время от 00:00 до 23:59.',
  'dailySummary.err.other': 'Не сохранено: сервер отклонил изменение. Попробуйте ещё раз; если повторится, сообщите администратору.',
} as const satisfies SectionOf<typeof DAILY_SUMMARY_EN>;
