// Names for demo people and companies: Kazakh and Russian, Cyrillic mostly, some companies
// in Latin letters (as many Kazakh firms register them), so search is exercised in both scripts.
import type { Rng } from './prng';

const KZ_MALE = ['Ерлан', 'Нурлан', 'Бауыржан', 'Ержан', 'Асхат', 'Даурен', 'Айдос', 'Нуржан', 'Серик', 'Болат', 'Арман', 'Азамат', 'Канат', 'Марат', 'Талгат', 'Тимур', 'Руслан', 'Данияр', 'Жандос', 'Ербол', 'Медет', 'Дастан', 'Мирас', 'Алмас', 'Бекзат', 'Ринат', 'Айбек', 'Еркебулан'];
const RU_MALE = ['Дмитрий', 'Алексей', 'Сергей', 'Андрей', 'Иван', 'Николай', 'Владимир', 'Евгений', 'Павел', 'Максим', 'Виктор', 'Олег', 'Артём', 'Юрий'];
const KZ_FEMALE = ['Айгерим', 'Асель', 'Динара', 'Гульнара', 'Жанар', 'Сауле', 'Айжан', 'Мадина', 'Алия', 'Камила', 'Айсулу', 'Балжан', 'Жулдыз', 'Дана', 'Томирис', 'Гульмира'];
const RU_FEMALE = ['Ольга', 'Наталья', 'Екатерина', 'Анна', 'Татьяна', 'Елена', 'Ирина', 'Светлана', 'Юлия', 'Марина', 'Ксения'];
/** Male forms; the female form adds "а" (Ахметов -> Ахметова). */
const KZ_SURNAMES = ['Ахметов', 'Садыков', 'Жумабаев', 'Сейткалиев', 'Абдрахманов', 'Касымов', 'Тулегенов', 'Искаков', 'Ибраев', 'Оспанов', 'Бекмуханов', 'Есенов', 'Кенжебаев', 'Сарсенбаев', 'Омаров', 'Жаксылыков', 'Утепов', 'Байжанов', 'Мусин', 'Калиев', 'Ермеков', 'Турсынов', 'Нурпеисов', 'Смагулов', 'Муканов', 'Досмухамедов'];
const RU_SURNAMES = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Ковалёв', 'Лебедев', 'Захаров', 'Белов'];
/** Surnames that do not change with gender. */
const INVARIANT_SURNAMES = ['Ким', 'Пак', 'Цой', 'Шевченко', 'Бондаренко', 'Ли'];

export type Gender = 'm' | 'f';

export interface PersonName {
  first: string;
  last: string;
  gender: Gender;
}

export function personName(rng: Rng, gender: Gender = rng.chance(0.5) ? 'm' : 'f'): PersonName {
  const kazakh = rng.chance(0.65);
  const first = gender === 'm' ? rng.pick(kazakh ? KZ_MALE : RU_MALE) : rng.pick(kazakh ? KZ_FEMALE : RU_FEMALE);
  let last: string;
  if (rng.chance(0.08)) last = rng.pick(INVARIANT_SURNAMES);
  else {
    const male = rng.pick(kazakh ? KZ_SURNAMES : RU_SURNAMES);
    last = gender === 'f' ? `${male}а` : male;
  }
  return { first, last, gender };
}

export function fullName(p: PersonName): string {
  return `${p.first} ${p.last}`;
}

/** "Ахметов Б." as written for individual entrepreneurs' firms. */
export function surnameWithInitial(p: PersonName): string {
  return `${p.last} ${p.first.charAt(0)}.`;
}

const LATIN_ROOTS = ['Nomad', 'Steppe', 'Altyn', 'Tengri', 'Sapa', 'Baiterek', 'Orda', 'Zhibek', 'Silk Way', 'Qazaq', 'Alatau', 'Turan', 'Saryarka', 'Yesil', 'Arai', 'Samal', 'Aru', 'Kok Tobe', 'Eurasia', 'Caspian'];
const LATIN_KINDS = ['Trade', 'Foods', 'Electronics', 'Market', 'Pharm', 'Home', 'Build', 'Furniture', 'Textile', 'Cosmetics', 'Organic', 'Motors', 'Tech', 'Group', 'Distribution'];
const CYR_ROOTS = ['Алтын', 'Береке', 'Достык', 'Жетысу', 'Сарыарка', 'Мега', 'Шанырак', 'Самал', 'Арай', 'Нур', 'Бастау', 'Акжол', 'Алтай', 'Тулпар'];
const CYR_KINDS = ['Трейд', 'Строй', 'Агро', 'Фарм', 'Мебель', 'Маркет', 'Текстиль', 'Электроникс', 'Продукт', 'Сервис', 'Опт'];

/** A customer company: "ТОО «Береке Трейд»", "Nomad Foods LLP", "ИП Ахметова А.". */
export function customerCompanyName(rng: Rng): string {
  const r = rng.next();
  if (r < 0.4) return `${rng.pick(LATIN_ROOTS)} ${rng.pick(LATIN_KINDS)}${rng.chance(0.5) ? ' LLP' : ''}`;
  if (r < 0.85) return `ТОО «${rng.pick(CYR_ROOTS)} ${rng.pick(CYR_KINDS)}»`;
  return `ИП ${surnameWithInitial(personName(rng))}`;
}

const CARRIER_CYR_ROOTS = ['Жол', 'Көлік', 'Сапар', 'Керуен', 'Дала', 'Ертіс', 'Есіл', 'Алатау', 'Каспий', 'Арман', 'Нұр', 'Шыгыс', 'Батыс', 'Тұран', 'Сарыарқа', 'Кокше', 'Иртыш', 'Степной', 'Евразия', 'Байтерек'];
const CARRIER_CYR_KINDS = ['Транс', 'Логистик', 'Карго', 'Авто', 'Экспресс', 'Групп', 'ТрансСервис', 'АвтоЛайн', 'Логистикс'];
const CARRIER_LATIN_ROOTS = ['KazTrans', 'Steppe', 'Silk Road', 'Eurasia', 'Nomad', 'Caspian', 'Altai', 'Irtysh', 'Great Steppe', 'Khan Tengri', 'Turan', 'Sary-Arka'];
const CARRIER_LATIN_KINDS = ['Cargo', 'Logistics', 'Freight', 'Trucking', 'Line', 'Transport', 'Express'];
const RU_CARRIER_ROOTS = ['СибТранс', 'Урал', 'ВолгаАвто', 'Сибирь', 'ТрансАзия', 'Евролайн', 'Магистраль', 'Север'];

/** A carrier company; `russian` gives an OOO registered in Russia. */
export function carrierCompanyName(rng: Rng, russian: boolean): string {
  if (russian) return `ООО «${rng.pick(RU_CARRIER_ROOTS)} ${rng.pick(CARRIER_CYR_KINDS)}»`;
  const r = rng.next();
  if (r < 0.45) return `ТОО «${rng.pick(CARRIER_CYR_ROOTS)} ${rng.pick(CARRIER_CYR_KINDS)}»`;
  if (r < 0.75) return `ИП ${surnameWithInitial(personName(rng, 'm'))}`;
  return `${rng.pick(CARRIER_LATIN_ROOTS)} ${rng.pick(CARRIER_LATIN_KINDS)} LLP`;
}

/** Latin transliteration for e-mail logins: "Асель" -> "asel". Covers the letters above. */
const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

export function latinLogin(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    if (/[a-z0-9]/.test(ch)) out += ch;
    else out += TRANSLIT[ch] ?? '';
  }
  return out;
}
