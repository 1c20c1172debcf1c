"""Name frequency data for the synthetic population.

Each block lists names of one people with a relative weight (roughly the order of
frequency in published name statistics of the country: the State Statistical Committee of
Azerbaijan's lists of popular names, Rosstat/forebears.io frequency tables, the Statistical
Centre of Iran's most common names, TÜİK for Turkey, the National Statistics Office of
Georgia, the Armenian statistical committee, and the national statistics of the Western
countries). Weights are rounded and are for realism of the mix, not demography.

Azerbaijani entries carry the Azerbaijani Latin form, the Russian (Soviet-era) form as it
stands in Russian-language documents, and the Persian-script spelling used in Iran. These
are facts about how real documents write the names; the matcher does not read this file.
"""

from __future__ import annotations

# --- Azerbaijan ---------------------------------------------------------------------------
# Latin | Russian | Persian | weight
AZ_MALE = """
Əli|Али|علی|60
Məmməd|Мамед|محمد|55
Hüseyn|Гусейн|حسین|40
Həsən|Гасан|حسن|35
Elvin|Эльвин|الوین|30
Orxan|Орхан|اورخان|30
Rəşad|Рашад|رشاد|25
Elçin|Эльчин|الچین|25
Tural|Турал|تورال|28
Ramil|Рамиль|رامیل|20
Anar|Анар|انار|22
Samir|Самир|سمیر|20
Vüqar|Вугар|وقار|18
Rauf|Рауф|رئوف|15
Fərid|Фарид|فرید|18
Kamran|Камран|کامران|18
Nicat|Ниджат|نجات|20
Elnur|Эльнур|النور|14
Emil|Эмиль|امیل|16
Ruslan|Руслан|روسلان|14
Rövşən|Ровшан|روشن|14
Şahin|Шахин|شاهین|12
Elşən|Эльшан|الشن|12
Zaur|Заур|زائور|14
İlham|Ильхам|الهام|12
Natiq|Натик|ناطق|10
Mübariz|Мубариз|مبارز|8
Tofiq|Тофик|توفیق|10
Fikrət|Фикрет|فکرت|8
Vaqif|Вагиф|واقف|9
Arif|Ариф|عارف|10
Nazim|Назим|ناظم|9
Namiq|Намик|نامیق|9
Elxan|Эльхан|الخان|10
Ceyhun|Джейхун|جیحون|10
Teymur|Теймур|تیمور|9
Seymur|Сеймур|سیمور|10
Kənan|Кенан|کنعان|9
Yaşar|Яшар|یاشار|7
Mirzə|Мирза|میرزا|5
Səməd|Самед|صمد|6
Ələkbər|Алекпер|علی‌اکبر|5
Qəmbər|Гамбар|قنبر|4
Məhərrəm|Магеррам|محرم|5
Nadir|Надир|نادر|7
Şamil|Шамиль|شامل|6
Vüsal|Вусал|وصال|8
Fuad|Фуад|فؤاد|8
Ramin|Рамин|رامین|9
Cavid|Джавид|جاوید|9
Abbas|Аббас|عباس|10
Rəhim|Рагим|رحیم|9
Kərim|Керим|کریم|8
Əhməd|Ахмед|احمد|9
Mehdi|Мехти|مهدی|8
Vəli|Вели|ولی|7
Rza|Рза|رضا|6
Oruc|Орудж|اروج|5
Qasım|Гасым|قاسم|8
Süleyman|Сулейман|سلیمان|7
İbrahim|Ибрагим|ابراهیم|9
Musa|Муса|موسی|7
Bayram|Байрам|بایرام|7
İsmayıl|Исмаил|اسماعیل|9
Mustafa|Мустафа|مصطفی|7
Sadıq|Садых|صادق|5
Abdulla|Абдулла|عبدالله|6
Qurban|Гурбан|قربان|6
Heydər|Гейдар|حیدر|7
Rüstəm|Рустам|رستم|6
Səfər|Сафар|صفر|5
Rəsul|Расул|رسول|7
Yusif|Юсиф|یوسف|8
Tahir|Тагир|طاهر|7
Zakir|Закир|ذاکر|6
Cəfər|Джафар|جعفر|6
Nəsir|Насир|نصیر|5
Eldar|Эльдар|الدار|8
Faiq|Фаиг|فائق|5
Hikmət|Хикмет|حکمت|5
Coşqun|Джошгун|جوشقون|5
Ayxan|Айхан|آیخان|8
Murad|Мурад|مراد|9
Kamal|Камал|کمال|6
Zeynal|Зейнал|زینال|5
Novruz|Новруз|نوروز|4
Salman|Салман|سلمان|5
Nurlan|Нурлан|نورلان|5
Pərviz|Парвиз|پرویز|6
Ağa|Ага|آقا|4
Hacı|Гаджи|حاجی|4
Qulu|Кули|قلی|3
Mahir|Махир|ماهر|6
Azər|Азер|آذر|8
Elməddin|Эльмеддин|علم‌الدین|4
Famil|Фамиль|فامیل|5
Vidadi|Видади|ودادی|4
Xəlil|Халил|خلیل|5
Şükür|Шукюр|شکور|3
"""

AZ_FEMALE = """
Aynur|Айнур|آینور|30
Leyla|Лейла|لیلا|35
Günel|Гюнель|گونل|30
Nigar|Нигяр|نگار|25
Səbinə|Сабина|سبینه|20
Aygün|Айгюн|آیگون|18
Sevinc|Севиндж|سوینج|16
Gülnarə|Гюльнара|گلناره|15
Fatimə|Фатима|فاطمه|20
Zəhra|Захра|زهرا|15
Nərgiz|Наргиз|نرگس|15
Könül|Кёнуль|کونول|12
Ülviyyə|Ульвия|علویه|12
Aysel|Айсель|آیسل|20
Lalə|Лала|لاله|12
Xədicə|Хадиджа|خدیجه|10
Şəbnəm|Шабнам|شبنم|10
Türkan|Туркан|ترکان|10
Samirə|Самира|سمیره|10
Elnarə|Эльнара|الناره|10
Məryəm|Марьям|مریم|12
Rəna|Рена|رعنا|8
Vüsalə|Вусала|وصاله|8
Gülşən|Гюльшан|گلشن|8
Xatirə|Хатира|خاطره|8
Aytən|Айтан|آیتن|10
Nuray|Нурай|نورای|12
Zərifə|Зарифа|ظریفه|6
Mehriban|Мехрибан|مهربان|8
Sevda|Севда|سودا|9
Kəmalə|Кямаля|کماله|6
Ülkər|Улькер|اولکر|6
Təranə|Тарана|ترانه|7
Arzu|Арзу|آرزو|8
Yeganə|Егяна|یگانه|6
Səadət|Саадат|سعادت|5
Ayşə|Айше|عایشه|5
Həcər|Гаджар|هاجر|5
Cəmilə|Джамиля|جمیله|6
Nailə|Наиля|نائله|7
Gülər|Гюлер|گولر|6
Aidə|Аида|آیده|7
Afaq|Афаг|آفاق|5
Sona|Сона|سونا|6
Ləman|Ламан|لمان|7
Nərmin|Нармин|نرمین|8
Fidan|Фидан|فیدان|8
Esmira|Эсмира|اسمیرا|6
Həqiqət|Гагигат|حقیقت|4
Zülfiyyə|Зульфия|ذلفیه|5
Məleykə|Малейка|ملیکه|4
Rəhilə|Рахиля|راحیله|4
Validə|Валида|والده|5
Gülnar|Гюльнар|گلنار|5
Səkinə|Сакина|سکینه|5
Tamilla|Тамилла|تامیلا|5
Fəridə|Фарида|فریده|4
Ramilə|Рамиля|رامیله|3
Elnurə|Эльнура|النوره|3
Kamilə|Камиля|کامیله|3
Turalə|Турала|تورآله|2
"""

# Surnames: stem Latin | Russian stem | Persian stem | suffix kind | weight
# The suffix kinds are: ov (-ov/-ova, Russian -ов/-ова), yev (-yev/-yeva, -ев/-ева),
# li (-li/-lı, Russian -лы/-ли, invariant), zade (-zadə, Russian -заде, invariant).
AZ_SURNAMES = """
Məmməd|Мамед|محمد|ov|120
Əli|Али|علی|yev|100
Hüseyn|Гусейн|حسین|ov|60
Həsən|Гасан|حسن|ov|60
Qul|Кул|قلی|iyev|40
Cəfər|Джафар|جعفر|ov|30
İsmayıl|Исмаил|اسماعیل|ov|30
Abbas|Аббас|عباس|ov|25
Rəhim|Рагим|رحیم|ov|20
Kərim|Керим|کریم|ov|20
Əhməd|Ахмед|احمد|ov|20
Mehdi|Мехти|مهدی|yev|18
Vəli|Вели|ولی|yev|18
Rza|Рза|رضا|yev|18
Oruc|Орудж|اروج|ov|12
Baba|Баба|بابا|yev|18
Hacı|Гаджи|حاجی|yev|16
Qasım|Гасым|قاسم|ov|16
Süleyman|Сулейман|سلیمان|ov|14
İbrahim|Ибрагим|ابراهیم|ov|16
Nağı|Наги|نقی|yev|10
Musa|Муса|موسی|yev|14
Bayram|Байрам|بایرام|ov|12
Mustafa|Мустафа|مصطفی|yev|12
Sadıq|Садых|صادق|ov|10
Məlik|Мелик|ملک|ov|8
Abdulla|Абдулла|عبدالله|yev|14
Qurban|Гурбан|قربان|ov|12
Əsgər|Аскер|عسگر|ov|10
Zeynal|Зейнал|زینال|ov|10
Salman|Салман|سلمان|ov|8
Novruz|Новруз|نوروز|ov|10
Heydər|Гейдар|حیدر|ov|10
Rüstəm|Рустам|رستم|ov|10
Səfər|Сафар|صفر|ov|10
Rəsul|Расул|رسول|ov|10
Yusif|Юсиф|یوسف|ov|8
Tağı|Таги|تقی|yev|8
Nəsir|Насир|نصیر|ov|8
Orucəli|Оруджали|اروجعلی|yev|2
Allahverdi|Аллахверди|الله‌وردی|yev|8
Ələkbər|Алекпер|علی‌اکبر|ov|8
Məhərrəm|Магеррам|محرم|ov|8
Şükür|Шукюр|شکور|ov|6
Nəbi|Наби|نبی|yev|8
Zeynalabdin|Зейналабдин|زین‌العابدین|ov|4
Kazım|Кязим|کاظم|ov|8
Talıb|Талыб|طالب|ov|6
Həmid|Гамид|حمید|ov|6
Əkbər|Акбер|اکبر|ov|6
Əsəd|Асад|اسد|ov|6
Fərzəli|Фарзали|فرضعلی|yev|4
Nəzər|Назар|نظر|ov|6
İsgəndər|Искендер|اسکندر|ov|6
Əzim|Азим|عظیم|ov|5
Səməd|Самед|صمد|ov|6
Xəlil|Халил|خلیل|ov|6
Cavad|Джавад|جواد|ov|5
Sultan|Султан|سلطان|ov|6
Bağır|Багир|باقر|ov|6
Paşa|Паша|پاشا|yev|6
Mirzə|Мирза|میرزا|yev|6
Ağa|Ага|آقا|yev|8
Həsən|Гасан|حسن|li|8
Əli|Али|علی|li|4
Məmməd|Мамед|محمد|li|4
Hüseyn|Гусейн|حسین|zade|6
Rəsul|Расул|رسول|zade|3
Əli|Али|علی|zade|5
Məmməd|Мамед|محمد|zade|3
Tağı|Таги|تقی|zade|4
Mehdi|Мехти|مهدی|zade|3
"""

# --- Russia -------------------------------------------------------------------------------
RU_MALE = """Александр 40 Сергей 35 Дмитрий 30 Андрей 30 Алексей 30 Максим 20 Евгений 20
Иван 25 Михаил 22 Николай 18 Владимир 22 Артём 15 Павел 15 Роман 14 Денис 14 Игорь 14
Олег 12 Юрий 12 Виктор 12 Константин 10 Никита 10 Кирилл 10 Илья 10 Егор 8 Вадим 8
Анатолий 7 Григорий 6 Фёдор 6 Пётр 6 Степан 5 Тимофей 5 Ярослав 5 Вячеслав 7 Леонид 6
Борис 6 Валерий 7 Геннадий 5 Василий 7 Антон 10 Арсений 4 Глеб 4 Лев 4 Матвей 5"""

RU_FEMALE = """Елена 35 Ольга 30 Наталья 30 Татьяна 28 Ирина 28 Светлана 22 Анна 25 Мария 25
Екатерина 22 Юлия 20 Анастасия 20 Марина 15 Людмила 12 Галина 10 Валентина 8 Дарья 12
Ксения 10 Виктория 12 Полина 8 Софья 8 Алёна 8 Евгения 7 Вера 7 Надежда 8 Любовь 6
Кристина 8 Алина 8 Елизавета 8 Яна 6 Оксана 7 Лариса 6 Нина 6 Зоя 3 Валерия 6 Александра 8 Ярослава 3"""

RU_SURNAMES = """Иванов 30 Смирнов 28 Кузнецов 25 Попов 22 Васильев 20 Петров 20 Соколов 18
Михайлов 16 Новиков 16 Фёдоров 15 Морозов 14 Волков 14 Алексеев 13 Лебедев 13 Семёнов 12
Егоров 12 Павлов 12 Козлов 11 Степанов 11 Николаев 11 Орлов 10 Андреев 10 Макаров 10
Никитин 10 Захаров 10 Зайцев 10 Соловьёв 9 Борисов 9 Яковлев 9 Григорьев 9 Романов 9
Воробьёв 8 Сергеев 8 Кузьмин 8 Фролов 8 Александров 8 Дмитриев 8 Королёв 8 Гусев 8
Киселёв 7 Ильин 7 Максимов 7 Поляков 7 Сорокин 7 Виноградов 7 Ковалёв 7 Белов 7
Медведев 7 Антонов 7 Тарасов 6 Жуков 6 Баранов 6 Филиппов 6 Комаров 6 Давыдов 6
Беляев 6 Герасимов 6 Богданов 6 Осипов 6 Сидоров 6 Матвеев 6 Титов 6 Марков 6
Миронов 5 Крылов 5 Куликов 5 Карпов 5 Власов 5 Мельников 5 Денисов 5 Гаврилов 5
Тихонов 5 Казаков 5 Афанасьев 5 Данилов 5 Савельев 5 Тимофеев 5 Фомин 5 Чернов 5
Абрамов 5 Мартынов 5 Ефимов 5 Федотов 5 Щербаков 5 Назаров 5 Калинин 5 Исаев 5
Чернышёв 4 Быков 4 Маслов 4 Родионов 4 Коновалов 4 Лазарев 4 Воронин 4 Климов 4
Филатов 4 Пономарёв 4 Голубев 4 Кудрявцев 4 Прохоров 4 Наумов 4 Потапов 4 Журавлёв 4
Овчинников 4 Трофимов 4 Леонов 4 Соболев 4 Ермаков 4 Колесников 4 Гончаров 4
Емельянов 4 Никифоров 4 Грачёв 3 Котов 3 Гришин 3 Ефремов 3 Архипов 3 Громов 3
Кириллов 3 Малышев 3 Панов 3 Моисеев 3 Румянцев 3 Акимов 3 Кондратьев 3 Бирюков 3
Горбунов 3 Анисимов 3 Ерёмин 3 Тихомиров 3 Галкин 3 Лукьянов 3 Михеев 3 Скворцов 3
Юдин 3 Белоусов 3 Нестеров 3 Симонов 3 Прокофьев 3 Харитонов 3 Князев 3 Цветков 3
Левин 3 Митрофанов 3 Воронов 3 Аксёнов 3 Мальцев 3 Логинов 3 Горшков 3 Савин 3
Краснов 3 Майоров 3 Демидов 3 Елисеев 3 Рыбаков 3 Сафонов 3 Плотников 3 Хохлов 3
Фадеев 3 Молчанов 3 Игнатов 3 Литвинов 3 Ершов 3 Ушаков 3 Рябов 3 Мухин 3
Калашников 3 Лобанов 2 Бородин 2 Платонов 2 Некрасов 2 Бобров 2 Жданов 2 Блинов 2
Дроздов 2 Зуев 2 Петухов 2 Ларин 2 Серов 2 Зотов 2 Устинов 2 Фокин 2 Самойлов 2
Сахаров 2 Шишкин 2 Носов 2 Воронцов 2 Зверев 2 Седов 2 Головин 2 Ульянов 2 Зимин 2
Костин 2 Широков 2 Суворов 2 Львов 2 Лукин 2 Токарев 2 Шилов 2 Родин 2 Покровский 2
Никольский 2 Маркин 2 Березин 2 Зубков 2 Круглов 2 Третьяков 2 Рожков 2 Лаптев 2
Лапин 2 Зорин 2 Уткин 2 Зубов 2 Ткачёв 2 Антипов 2 Свиридов 2 Кулаков 2 Гуляев 2
Петровский 2 Бондарев 2 Панфилов 2 Суханов 2 Рыжов 2 Шубин 2 Щукин 2 Лосев 2
Исаков 2 Коровин 2 Артёмов 2 Козырев 2 Русаков 2 Булгаков 2 Синицын 2 Черных 2
Рогов 2 Кононов 2 Евсеев 2 Лопатин 2 Одинцов 2 Орехов 2 Царёв 2 Шувалов 2 Голиков 2
Вавилов 2 Ерофеев 2 Носков 2 Озеров 2 Кольцов 2 Меркулов 2 Киреев 2 Булатов 2
Ананьев 2 Буров 2 Островский 2 Долгов 2 Суслов 2 Шевцов 2 Рубцов 2 Глебов 2
Успенский 2 Вишневский 2 Высоцкий 2 Глухов 2 Дубов 2 Ситников 2 Шаров 2 Яшин 2
Туманов 2 Басов 2 Корчагин 2 Олейников 2 Чумаков 2 Пирогов 2 Горохов 2 Стариков 2
Щеглов 2 Зыков 2 Минаев 2 Руднев 2 Троицкий 2 Малинин 2 Черепанов 2 Измайлов 2
Капустин 2 Белкин 2 Жаров 2 Хромов 2 Астахов 2 Сухов 2 Волошин 2 Малахов 2 Ежов 2
Анохин 2 Вдовин 2 Усов 2 Коршунов 2 Дорохов 2 Калугин 2 Блохин 2 Сурков 2 Греков 2
Казанцев 2 Швецов 2 Минин 2 Корнев 2 Гуров 2 Сомов 2 Добрынин 2 Москвин 2 Уваров 2
Муратов 2 Раков 2 Злобин 2 Рябинин 2 Кукушкин 2 Грибов 2 Елизаров 2 Федосов 2
Толстой 2 Трубецкой 1 Белых 1 Седых 1 Долгих 1 Кучерявых 1"""

# --- Iran ---------------------------------------------------------------------------------
# Persian | Latin as in Iranian passports | weight
IR_MALE = """
محمد|MOHAMMAD|60
علی|ALI|50
حسین|HOSSEIN|40
رضا|REZA|35
مهدی|MEHDI|30
حسن|HASSAN|25
امیر|AMIR|25
عباس|ABBAS|18
محسن|MOHSEN|18
مجید|MAJID|16
سعید|SAEED|18
حمید|HAMID|16
جواد|JAVAD|14
احمد|AHMAD|16
مرتضی|MORTEZA|12
مصطفی|MOSTAFA|12
ابراهیم|EBRAHIM|10
جعفر|JAFAR|8
کریم|KARIM|8
داوود|DAVOOD|8
مسعود|MASOUD|10
بهروز|BEHROUZ|8
فرهاد|FARHAD|10
آرش|ARASH|10
بابک|BABAK|9
کوروش|KOUROSH|6
داریوش|DARIOUSH|6
نوید|NAVID|9
امید|OMID|10
حامد|HAMED|9
وحید|VAHID|10
علیرضا|ALIREZA|20
محمدرضا|MOHAMMADREZA|18
غلامرضا|GHOLAMREZA|8
یوسف|YOUSEF|8
ناصر|NASER|7
مهرداد|MEHRDAD|6
پیمان|PEYMAN|7
کامران|KAMRAN|6
سیامک|SIAMAK|5
"""

IR_FEMALE = """
فاطمه|FATEMEH|50
زهرا|ZAHRA|45
مریم|MARYAM|40
معصومه|MASOUMEH|18
زینب|ZEINAB|18
سکینه|SAKINEH|8
لیلا|LEILA|15
نرگس|NARGES|12
مهناز|MAHNAZ|8
شیرین|SHIRIN|10
پریسا|PARISA|10
مینا|MINA|10
ندا|NEDA|10
آزاده|AZADEH|8
سمیه|SOMAYEH|12
الهام|ELHAM|10
فرشته|FERESHTEH|9
رویا|ROYA|8
نسرین|NASRIN|9
سهیلا|SOHEILA|7
پروانه|PARVANEH|6
مهسا|MAHSA|9
سارا|SARA|12
طاهره|TAHEREH|8
اعظم|AZAM|6
"""

IR_SURNAMES = """
محمدی|MOHAMMADI|30
حسینی|HOSSEINI|28
احمدی|AHMADI|22
رضایی|REZAEI|20
مرادی|MORADI|15
کریمی|KARIMI|15
جعفری|JAFARI|14
رحیمی|RAHIMI|12
هاشمی|HASHEMI|12
موسوی|MOUSAVI|14
قاسمی|GHASEMI|11
حیدری|HEIDARI|10
صادقی|SADEGHI|10
رحمانی|RAHMANI|9
عباسی|ABBASI|9
صالحی|SALEHI|8
کاظمی|KAZEMI|9
باقری|BAGHERI|9
ابراهیمی|EBRAHIMI|9
حسین‌زاده|HOSSEINZADEH|8
علیزاده|ALIZADEH|8
محمدزاده|MOHAMMADZADEH|7
نجفی|NAJAFI|7
اکبری|AKBARI|7
امینی|AMINI|7
شهبازی|SHAHBAZI|5
نوری|NOURI|6
سلطانی|SOLTANI|6
تهرانی|TEHRANI|5
رستمی|ROSTAMI|6
اسدی|ASADI|6
زارع|ZARE|6
عزیزی|AZIZI|6
قربانی|GHORBANI|7
حسنی|HASSANI|5
فراهانی|FARAHANI|4
یزدانی|YAZDANI|5
جلالی|JALALI|5
رشیدی|RASHIDI|5
صفری|SAFARI|5
"""

# --- Turkey -------------------------------------------------------------------------------
TR_MALE = """Mehmet 50 Mustafa 40 Ahmet 35 Ali 35 Hüseyin 30 Hasan 28 İbrahim 25 İsmail 20
Osman 18 Yusuf 20 Murat 20 Ömer 16 Ramazan 14 Halil 12 Süleyman 12 Abdullah 12 Mahmut 10
Recep 9 Salih 8 Fatih 10 Kadir 9 Emre 12 Burak 12 Serkan 8 Erkan 7 Volkan 6 Cem 6
Can 8 Onur 7 Oğuz 6 Hakan 9 Gökhan 8 Selim 6 Tolga 5 Uğur 7"""

TR_FEMALE = """Fatma 45 Ayşe 40 Emine 35 Hatice 30 Zeynep 25 Elif 22 Meryem 18 Şerife 12
Zehra 12 Sultan 10 Hanife 8 Merve 12 Havva 8 Zeliha 6 Esra 10 Fadime 6 Özlem 9 Hacer 6
Yasemin 9 Hülya 8 Gül 6 Büşra 9 Derya 7 Ebru 8 Sibel 6 Gülşen 5 Songül 5 Dilek 6"""

TR_SURNAMES = """Yılmaz 40 Kaya 30 Demir 30 Şahin 25 Çelik 25 Yıldız 22 Yıldırım 20 Öztürk 20
Aydın 20 Özdemir 18 Arslan 18 Doğan 18 Kılıç 15 Aslan 14 Çetin 14 Kara 13 Koç 12 Kurt 12
Özkan 11 Şimşek 11 Polat 10 Özcan 10 Korkmaz 10 Çakır 10 Erdoğan 9 Yavuz 9 Can 9
Acar 8 Şen 8 Aktaş 8 Güler 8 Yalçın 8 Güneş 8 Bozkurt 7 Bulut 7 Keskin 7 Ünal 7
Turan 7 Gül 7 Özer 6 Işık 6 Kaplan 6 Avcı 6 Sarı 6 Tekin 6 Taş 6 Köse 6 Yüksel 6
Ateş 6 Aksoy 6 Karataş 5 Uçar 5 Erdem 5 Başaran 5 Güven 5 Altun 5"""

# --- Georgia ------------------------------------------------------------------------------
GE_MALE = """გიორგი 50 დავით 35 ნიკოლოზ 20 ლევან 22 ალექსანდრე 20 ირაკლი 18 ზურაბ 12
გიგა 12 ლუკა 15 დიმიტრი 12 თორნიკე 12 ბექა 12 ლაშა 12 გოჩა 8 ვახტანგ 8 თამაზ 8
მამუკა 7 შოთა 8 ოთარ 7 გურამ 7 ნოდარ 6 ავთანდილ 5 ზვიად 5 კახა 6 მერაბ 6"""

GE_FEMALE = """ნინო 45 მარიამ 35 თამარ 30 ანა 25 ეკატერინე 20 ნათია 18 სალომე 16 მაია 14
ნანა 12 ქეთევან 14 ხათუნა 10 ლიკა 9 თეონა 9 ელენე 10 სოფიო 10 ია 6 მზია 7 ლელა 8
თინათინ 6 ნათელა 6 მანანა 8 ეთერ 5 ციალა 4 ლია 6"""

GE_SURNAMES = """ბერიძე 25 კაპანაძე 18 გელაშვილი 18 მაისურაძე 16 გიორგაძე 15 ლომიძე 14
წიკლაური 12 ბოლქვაძე 12 ნოზაძე 12 ხუციშვილი 11 შენგელია 10 აბულაძე 10 მამედოვი 8
კვარაცხელია 6 მიქელაძე 9 ტაბატაძე 9 ქავთარაძე 8 ჩიქოვანი 6 გოგოლაძე 7 კიკნაძე 7
ჯავახიშვილი 6 მელაძე 8 დოლიძე 8 სულაბერიძე 6 ჩხეიძე 7 ნადირაძე 6 ღლონტი 5
ქარჩავა 5 ჯანელიძე 6 თოდუა 6 ჟვანია 5 ცინცაძე 5 კობახიძე 6 მჭედლიშვილი 7
ხარაბაძე 5 ღვინიაშვილი 4 ფანცულაია 4 ყიფიანი 4 ჭავჭავაძე 3 ბაქრაძე 5 ხაჩიძე 3"""

# --- Armenia ------------------------------------------------------------------------------
# Armenian | Russian form | weight
AM_MALE = """
Արմեն|Армен|25
Դավիթ|Давид|25
Տիգրան|Тигран|22
Հայկ|Айк|20
Գևորգ|Геворг|18
Արամ|Арам|14
Կարեն|Карен|15
Սարգիս|Саркис|12
Վահե|Ваге|12
Արթուր|Артур|15
Նարեկ|Нарек|15
Աշոտ|Ашот|10
Գագիկ|Гагик|10
Հովհաննես|Ованес|12
Ռուբեն|Рубен|10
Սուրեն|Сурен|9
Արտակ|Артак|8
Էդգար|Эдгар|8
Միքայել|Микаел|8
Վարդան|Вардан|8
"""
AM_FEMALE = """
Անի|Ани|25
Մարիամ|Мариам|22
Աննա|Анна|20
Նարինե|Нарине|12
Լիլիթ|Лилит|12
Գայանե|Гаяне|10
Արմինե|Армине|10
Սոնա|Сона|8
Աստղիկ|Астхик|7
Հասմիկ|Асмик|10
Լուսինե|Лусине|12
Զարուհի|Заруи|6
Սիրանուշ|Сирануш|6
Անահիտ|Анаит|8
Տաթևիկ|Татевик|8
Նունե|Нуне|7
Արփի|Арпи|5
"""
AM_SURNAMES = """
Հովհաննիսյան|Оганесян|25
Հարությունյան|Арутюнян|22
Սարգսյան|Саркисян|20
Խաչատրյան|Хачатрян|18
Գրիգորյան|Григорян|18
Պետրոսյան|Петросян|15
Վարդանյան|Варданян|14
Կարապետյան|Карапетян|14
Գևորգյան|Геворкян|13
Մկրտչյան|Мкртчян|12
Ավետիսյան|Аветисян|11
Մարտիրոսյան|Мартиросян|10
Սահակյան|Саакян|10
Հակոբյան|Акопян|12
Ղազարյան|Казарян|9
Մանուկյան|Манукян|8
Առաքելյան|Аракелян|7
Բաղդասարյան|Багдасарян|7
Աբրահամյան|Абрамян|7
Մելքոնյան|Мелконян|6
Ստեփանյան|Степанян|8
Ալեքսանյան|Алексанян|6
Դավթյան|Давтян|7
Մովսիսյան|Мовсисян|6
Համբարձումյան|Амбарцумян|6
Սիմոնյան|Симонян|6
Պողոսյան|Погосян|8
Ասատրյան|Асатрян|6
Զաքարյան|Закарян|6
Թովմասյան|Товмасян|5
"""

# --- Western and others -------------------------------------------------------------------
DE_MALE = """Thomas 20 Michael 20 Andreas 18 Peter 15 Stefan 16 Jürgen 10 Klaus 10 Wolfgang 10
Frank 10 Christian 14 Markus 12 Uwe 8 Matthias 10 Jörg 8 Alexander 12 Lukas 10 Jonas 9
Felix 8 Maximilian 8 Paul 9 Sebastian 9 Tobias 8 Florian 8 Günter 5 Dieter 6"""
DE_FEMALE = """Sabine 15 Petra 14 Monika 12 Ursula 10 Andrea 14 Claudia 12 Susanne 12 Birgit 10
Katharina 12 Julia 14 Anna 14 Laura 12 Lena 10 Sophie 10 Marie 12 Jutta 6 Brigitte 7
Heike 8 Sandra 10 Nicole 10 Karin 8 Gisela 5"""
DE_SURNAMES = """Müller 30 Schmidt 28 Schneider 20 Fischer 18 Weber 17 Meyer 16 Wagner 15 Becker 14
Schulz 14 Hoffmann 13 Schäfer 12 Koch 12 Bauer 12 Richter 11 Klein 11 Wolf 10 Schröder 10
Neumann 10 Schwarz 9 Zimmermann 9 Braun 9 Krüger 9 Hofmann 8 Hartmann 8 Lange 8
Schmitt 8 Werner 8 Schmitz 8 Krause 8 Meier 8 Lehmann 7 Schmid 7 Schulze 7 Maier 7
Köhler 7 Herrmann 7 König 7 Walter 6 Mayer 6 Huber 6 Kaiser 6 Fuchs 6 Peters 6 Lang 6
Scholz 6 Möller 6 Weiß 6 Jung 6 Hahn 6 Schubert 5 Vogel 5 Friedrich 5 Keller 5"""

EN_MALE = """James 30 John 30 Robert 25 Michael 25 William 22 David 25 Richard 18 Joseph 16
Thomas 18 Charles 14 Christopher 16 Daniel 18 Matthew 14 Anthony 12 Mark 12 George 12
Oliver 12 Harry 10 Jack 10 Paul 10 Andrew 12 Steven 10 Kevin 9 Brian 8 Edward 8"""
EN_FEMALE = """Mary 25 Patricia 18 Jennifer 18 Linda 14 Elizabeth 18 Barbara 12 Susan 14
Jessica 14 Sarah 18 Karen 12 Emily 16 Olivia 14 Amelia 10 Sophie 10 Charlotte 12 Emma 14
Hannah 12 Rebecca 10 Margaret 10 Laura 10 Rachel 9 Lucy 9 Grace 8 Catherine 9"""
EN_SURNAMES = """Smith 30 Jones 25 Williams 22 Brown 22 Taylor 20 Davies 15 Wilson 16 Evans 12
Thomas 12 Johnson 20 Roberts 12 Walker 12 Wright 12 Robinson 11 Thompson 12 White 12
Hughes 10 Edwards 10 Green 11 Hall 10 Wood 10 Harris 11 Lewis 11 Martin 11 Jackson 11
Clarke 9 Clark 9 Turner 9 Hill 9 Scott 9 Cooper 8 Morris 8 Ward 8 Moore 9 King 8
Watson 8 Baker 8 Harrison 8 Morgan 8 Patel 8 Young 8 Allen 8 Mitchell 8 James 8
Anderson 9 Phillips 7 Lee 8 Bell 7 Parker 7 Davis 10 Miller 10 Garcia 8 Rodriguez 7
Martinez 7 O'Brien 5 O'Connor 5 McDonald 5 Murphy 6 Kelly 6 Campbell 6 Stewart 6"""

FR_MALE = """Jean 20 Pierre 16 Michel 14 Philippe 14 Alain 12 Nicolas 14 François 12 Louis 10
Julien 12 Thomas 12 Jean-Pierre 6 Jean-Luc 5 Antoine 10 Hugo 10 Lucas 10 Éric 8 Stéphane 8"""
FR_FEMALE = """Marie 20 Nathalie 14 Isabelle 14 Sylvie 12 Catherine 12 Françoise 10 Camille 12
Léa 12 Chloé 10 Manon 10 Sophie 10 Anne-Marie 5 Céline 9 Élodie 8 Hélène 8 Aurélie 8"""
FR_SURNAMES = """Martin 20 Bernard 16 Dubois 15 Thomas 14 Robert 13 Richard 13 Petit 12 Durand 12
Leroy 11 Moreau 11 Simon 11 Laurent 11 Lefebvre 10 Michel 10 Garcia 9 David 9 Bertrand 9
Roux 9 Vincent 9 Fournier 9 Morel 8 Girard 8 André 8 Lefèvre 8 Mercier 8 Dupont 8
Lambert 8 Bonnet 8 François 7 Martinez 7 Legrand 6 Gauthier 6 Chevalier 6"""

UA_MALE = """Олександр 30 Сергій 25 Андрій 25 Володимир 20 Микола 18 Іван 18 Віктор 14 Юрій 14
Василь 14 Дмитро 18 Олег 12 Петро 10 Михайло 14 Богдан 12 Тарас 10 Максим 12 Ігор 10"""
UA_FEMALE = """Олена 25 Наталія 22 Тетяна 22 Оксана 20 Ірина 20 Людмила 14 Світлана 16 Ольга 18
Юлія 16 Марія 16 Галина 12 Анна 14 Катерина 14 Вікторія 12 Іванна 8 Софія 10 Ганна 8"""
UA_SURNAMES = """Шевченко 25 Коваленко 22 Бондаренко 20 Ткаченко 18 Кравченко 16 Олійник 14
Шевчук 14 Коваль 14 Поліщук 12 Бондар 12 Ткачук 12 Мельник 18 Лисенко 10 Руденко 10
Савченко 10 Петренко 10 Мороз 10 Марченко 10 Клименко 10 Павленко 9 Кравчук 9
Гончаренко 8 Литвиненко 8 Іваненко 8 Бойко 14 Мельничук 8 Кузьменко 8 Пономаренко 8
Сидоренко 8 Гаврилюк 6 Романюк 6 Олешко 5 Дорошенко 6 Яковенко 5 Костенко 6"""

KZ_MALE = """Нурлан 20 Ерлан 18 Асхат 12 Бауыржан 12 Данияр 14 Марат 16 Серик 14 Жандос 10
Айдос 10 Арман 16 Нурсултан 10 Ержан 14 Талгат 10 Руслан 10 Даурен 10 Азамат 12
Ерболат 8 Бекзат 8 Алмас 8 Дархан 8"""
KZ_FEMALE = """Айгуль 18 Гульнара 16 Динара 16 Жанар 12 Асель 16 Айгерим 18 Салтанат 12
Мадина 14 Камила 12 Алия 14 Гульмира 10 Айжан 12 Меруерт 8 Жулдыз 10 Назерке 8"""
KZ_SURNAMES = """Ахметов 20 Омаров 16 Абдрахманов 12 Садыков 12 Искаков 12 Жумабаев 12 Касымов 12
Абенов 8 Сулейменов 14 Нурпеисов 8 Тулегенов 10 Байжанов 8 Кенжебаев 10 Серикбаев 8
Мукашев 8 Ермеков 8 Аубакиров 10 Сейтказиев 6 Жаксылыков 6 Бекмухамедов 6 Есенов 8
Утепов 6 Кожахметов 6 Оспанов 10 Смагулов 8 Нургалиев 8 Исабаев 6 Жакупов 10"""

# --- Azerbaijan, held out -----------------------------------------------------------------
# Names used only by the held-out evaluation (``labelled_pairs(..., holdout=True)``): they
# were written down after the matching rules were tuned, and are not in the synthetic
# population, so the evaluation on them measures how the rules carry over to names they
# were not tuned on. Same columns as above.
AZ_MALE_HOLDOUT = """
Rafiq|Рафик|رفیق|10
Sabir|Сабир|صابر|8
Ülvi|Ульви|علوی|8
Yaqub|Якуб|یعقوب|6
Zöhrab|Зохраб|زهراب|5
Bəhruz|Бахруз|بهروز|6
Mətləb|Матлаб|مطلب|4
Şəmsi|Шамси|شمسی|4
Xanlar|Ханлар|خانلار|5
Ənvər|Анвар|انور|6
Fəxrəddin|Фахраддин|فخرالدین|4
Sərdar|Сардар|سردار|5
İlqar|Ильгар|ایلقار|7
Vahid|Вахид|وحید|7
Nurəddin|Нураддин|نورالدین|4
Qəzənfər|Газанфар|غضنفر|3
Həbib|Габиб|حبیب|5
Rüfət|Руфат|رفعت|5
Elşad|Эльшад|الشاد|6
Nəriman|Нариман|نریمان|6
"""

AZ_FEMALE_HOLDOUT = """
Sevil|Севиль|سویل|8
Gülbəniz|Гюльбениз|گلبنیز|4
Zemfira|Земфира|زمفیرا|5
Pərvanə|Парвана|پروانه|6
Nazilə|Назиля|نازیله|6
Dilarə|Диляра|دلارا|6
Mələk|Малак|ملک|5
Şahnaz|Шахназ|شهناز|5
Gülarə|Гюляра|گلاره|5
Rəvanə|Равана|روانه|5
Sədaqət|Садагат|صداقت|4
Firuzə|Фируза|فیروزه|5
Mətanət|Матанат|متانت|4
İradə|Ирада|اراده|5
"""

AZ_SURNAMES_HOLDOUT = """
Rəfi|Рафи|رفیع|yev|6
Sabir|Сабир|صابر|ov|6
Yaqub|Якуб|یعقوب|ov|6
Zöhrab|Зохраб|زهراب|ov|4
Xanlar|Ханлар|خانلار|ov|5
Ənvər|Анвар|انور|ov|5
Sərdar|Сардар|سردار|ov|4
Həbib|Габиб|حبیب|ov|5
Nəriman|Нариман|نریمان|ov|5
Şirin|Ширин|شیرین|ov|5
Əmir|Амир|امیر|ov|6
Cabbar|Джаббар|جبار|ov|4
Fətəli|Фатали|فتحعلی|yev|4
Hümbət|Гумбат|همت|ov|4
Kərim|Керим|کریم|li|3
"""
