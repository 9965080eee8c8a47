// Real geography for demo data: Kazakhstan's large cities with their administrative districts
// (approximate centres) and real streets in each, plus the other cities carriers run to.
// Addresses are "real-ish": the street exists in that district, the house number is made up.

export interface District {
  /** As written in an address: "Бостандыкский р-н". */
  name: string;
  lat: number;
  lon: number;
  streets: readonly string[];
}

export interface City {
  key: string;
  /** Russian name, as dispatchers write it. */
  name: string;
  lat: number;
  lon: number;
  /** Two-digit region code on Kazakh licence plates. */
  plateRegion: string;
  districts: readonly District[];
}

export interface LaneCity {
  name: string;
  lat: number;
  lon: number;
  country: 'KZ' | 'RU';
  /** How often freight goes there, relative to the others. */
  weight: number;
}

export const KZ_CITIES: readonly City[] = [
  {
    key: 'almaty', name: 'Алматы', lat: 43.2383, lon: 76.9456, plateRegion: '02',
    districts: [
      { name: 'Алмалинский р-н', lat: 43.2565, lon: 76.912, streets: ['пр. Абая', 'ул. Толе би', 'ул. Жибек Жолы', 'ул. Желтоксан', 'ул. Богенбай батыра', 'ул. Казыбек би', 'ул. Шевченко', 'ул. Айтеке би', 'ул. Байтурсынова', 'ул. Панфилова'] },
      { name: 'Бостандыкский р-н', lat: 43.222, lon: 76.905, streets: ['пр. Аль-Фараби', 'ул. Тимирязева', 'ул. Розыбакиева', 'ул. Жандосова', 'ул. Сатпаева', 'ул. Габдуллина', 'ул. Манаса', 'ул. Маркова', 'ул. Ходжанова'] },
      { name: 'Медеуский р-н', lat: 43.245, lon: 76.965, streets: ['пр. Достык', 'пр. Назарбаева', 'ул. Кабанбай батыра', 'ул. Курмангазы', 'ул. Пушкина', 'ул. Зенкова', 'ул. Бегалина', 'ул. Омарова'] },
      { name: 'Ауэзовский р-н', lat: 43.232, lon: 76.852, streets: ['ул. Саина', 'ул. Момышулы', 'ул. Жубанова', 'ул. Берегового', 'ул. Шаляпина', 'ул. Толе би', 'пр. Абая'] },
      { name: 'Жетысуский р-н', lat: 43.295, lon: 76.925, streets: ['пр. Райымбека', 'ул. Сейфуллина', 'ул. Кудерина', 'ул. Акан серы', 'ул. Северное кольцо'] },
      { name: 'Турксибский р-н', lat: 43.335, lon: 76.98, streets: ['пр. Суюнбая', 'ул. Майлина', 'ул. Бекмаханова', 'ул. Казыбаева', 'ул. Белинского'] },
    ],
  },
  {
    key: 'astana', name: 'Астана', lat: 51.1694, lon: 71.4491, plateRegion: '01',
    districts: [
      { name: 'р-н Есиль', lat: 51.128, lon: 71.43, streets: ['пр. Мангилик Ел', 'пр. Кабанбай батыра', 'ул. Сыганак', 'ул. Динмухамеда Кунаева', 'ул. Достык', 'пр. Туран', 'ул. Орынбор'] },
      { name: 'р-н Алматы', lat: 51.15, lon: 71.49, streets: ['пр. Абылай хана', 'пр. Тауелсиздик', 'ул. Магжана Жумабаева', 'ул. Косшыгулулы', 'ул. Шарля де Голля'] },
      { name: 'р-н Сарыарка', lat: 51.185, lon: 71.405, streets: ['пр. Сарыарка', 'пр. Богенбай батыра', 'ул. Сейфуллина', 'пр. Жеңіс', 'ул. Бейбитшилик', 'ул. Пушкина'] },
      { name: 'р-н Байконур', lat: 51.17, lon: 71.445, streets: ['пр. Республики', 'ул. Кенесары', 'пр. Абая', 'ул. Иманова', 'ул. Ауэзова', 'ул. Московская'] },
      { name: 'р-н Нура', lat: 51.085, lon: 71.41, streets: ['пр. Улы Дала', 'пр. Туран', 'ул. Хусейн бен Талал', 'ул. Е-10'] },
    ],
  },
  {
    key: 'karaganda', name: 'Караганда', lat: 49.8047, lon: 73.1094, plateRegion: '09',
    districts: [
      { name: 'р-н им. Казыбек би', lat: 49.807, lon: 73.088, streets: ['пр. Бухар жырау', 'пр. Нуркена Абдирова', 'ул. Ерубаева', 'ул. Гоголя', 'пр. Строителей', 'ул. Алиханова'] },
      { name: 'р-н Алихана Бокейханова', lat: 49.83, lon: 73.14, streets: ['пр. Шахтёров', 'ул. Королёва', 'ул. Муканова', 'ул. Ермекова'] },
    ],
  },
  {
    key: 'shymkent', name: 'Шымкент', lat: 42.3417, lon: 69.5901, plateRegion: '17',
    districts: [
      { name: 'Абайский р-н', lat: 42.33, lon: 69.56, streets: ['пр. Абая', 'ул. Жибек жолы', 'ул. Толе би'] },
      { name: 'Аль-Фарабийский р-н', lat: 42.318, lon: 69.595, streets: ['пр. Тауке хана', 'ул. Байтурсынова', 'ул. Казыбек би', 'пр. Республики'] },
      { name: 'Енбекшинский р-н', lat: 42.35, lon: 69.62, streets: ['пр. Кунаева', 'ул. Рыскулова', 'Тамерлановское шоссе'] },
    ],
  },
  {
    key: 'aktobe', name: 'Актобе', lat: 50.2839, lon: 57.167, plateRegion: '04',
    districts: [
      { name: 'р-н Астана', lat: 50.29, lon: 57.17, streets: ['пр. Абилкайыр хана', 'пр. Санкибай батыра', 'ул. Братьев Жубановых', 'пр. Абая'] },
      { name: 'р-н Алматы', lat: 50.27, lon: 57.22, streets: ['пр. Алии Молдагуловой', 'ул. Маресьева', 'ул. Есет батыра'] },
    ],
  },
  {
    key: 'pavlodar', name: 'Павлодар', lat: 52.2873, lon: 76.9674, plateRegion: '14',
    districts: [
      { name: 'мкр. Центр', lat: 52.285, lon: 76.955, streets: ['ул. Торайгырова', 'ул. Сатпаева', 'ул. Академика Маргулана', 'ул. Естая'] },
      { name: 'мкр. Усолка', lat: 52.3, lon: 76.94, streets: ['ул. Кутузова', 'ул. Ломова', 'ул. Камзина'] },
    ],
  },
  {
    key: 'oskemen', name: 'Усть-Каменогорск', lat: 49.9483, lon: 82.6279, plateRegion: '16',
    districts: [
      { name: 'мкр. Центр', lat: 49.95, lon: 82.615, streets: ['ул. Казахстан', 'ул. Горького', 'ул. Ушанова', 'пр. Независимости'] },
      { name: 'мкр. Левобережье', lat: 49.968, lon: 82.595, streets: ['ул. Тохтарова', 'ул. Кабанбай батыра', 'пр. Сатпаева'] },
    ],
  },
  {
    key: 'kostanay', name: 'Костанай', lat: 53.2144, lon: 63.6246, plateRegion: '10',
    districts: [
      { name: 'мкр. Центр', lat: 53.215, lon: 63.625, streets: ['ул. Аль-Фараби', 'ул. Байтурсынова', 'ул. Баймагамбетова', 'ул. Тауелсиздик'] },
      { name: 'мкр. КЖБИ', lat: 53.24, lon: 63.61, streets: ['ул. Каирбекова', 'пр. Абая', 'ул. Гоголя'] },
    ],
  },
  {
    key: 'atyrau', name: 'Атырау', lat: 47.0945, lon: 51.9238, plateRegion: '06',
    districts: [
      { name: 'мкр. Центр', lat: 47.1, lon: 51.92, streets: ['пр. Азаттык', 'пр. Сатпаева', 'ул. Абая', 'ул. Смагулова'] },
      { name: 'мкр. Авангард', lat: 47.115, lon: 51.905, streets: ['ул. Кулманова', 'пр. Студенческий'] },
    ],
  },
  {
    key: 'taraz', name: 'Тараз', lat: 42.9, lon: 71.3667, plateRegion: '08',
    districts: [
      { name: 'мкр. Центр', lat: 42.9, lon: 71.37, streets: ['пр. Толе би', 'пр. Абая', 'ул. Казыбек би', 'пр. Жамбыла', 'ул. Сулейменова'] },
    ],
  },
];

const cityByKey = new Map(KZ_CITIES.map((c) => [c.key, c]));

export function cityByKeyOrThrow(key: string): City {
  const city = cityByKey.get(key);
  if (!city) throw new RangeError(`Unknown demo city "${key}"`);
  return city;
}

/** Where carriers load and unload: the cities above plus other regional centres and Russia. */
export const LANE_CITIES: readonly LaneCity[] = [
  ...KZ_CITIES.map((c): LaneCity => ({ name: c.name, lat: c.lat, lon: c.lon, country: 'KZ', weight: c.key === 'almaty' ? 10 : c.key === 'astana' ? 8 : 3 })),
  { name: 'Семей', lat: 50.4111, lon: 80.2275, country: 'KZ', weight: 2 },
  { name: 'Уральск', lat: 51.2333, lon: 51.3667, country: 'KZ', weight: 2 },
  { name: 'Актау', lat: 43.65, lon: 51.16, country: 'KZ', weight: 2 },
  { name: 'Кызылорда', lat: 44.8528, lon: 65.5092, country: 'KZ', weight: 2 },
  { name: 'Петропавловск', lat: 54.8667, lon: 69.15, country: 'KZ', weight: 2 },
  { name: 'Кокшетау', lat: 53.2833, lon: 69.3833, country: 'KZ', weight: 2 },
  { name: 'Туркестан', lat: 43.2973, lon: 68.2518, country: 'KZ', weight: 1 },
  { name: 'Талдыкорган', lat: 45.0156, lon: 78.3739, country: 'KZ', weight: 1 },
  { name: 'Москва', lat: 55.7558, lon: 37.6173, country: 'RU', weight: 4 },
  { name: 'Новосибирск', lat: 55.0084, lon: 82.9357, country: 'RU', weight: 3 },
  { name: 'Омск', lat: 54.9885, lon: 73.3242, country: 'RU', weight: 3 },
  { name: 'Екатеринбург', lat: 56.8389, lon: 60.6057, country: 'RU', weight: 3 },
  { name: 'Челябинск', lat: 55.1644, lon: 61.4368, country: 'RU', weight: 2 },
];

/** Russian cities' plate region codes, for carriers based there. */
export const RU_PLATE_REGIONS: Readonly<Record<string, string>> = {
  'Москва': '777',
  'Новосибирск': '154',
  'Омск': '55',
  'Екатеринбург': '196',
  'Челябинск': '174',
};
