using Clinic.Api.Features.Support;

namespace Clinic.Api.Data;

/// <summary>
/// The demo clinic's FAQ in Russian, Kazakh and English: preparation for tests, opening hours, documents, payment,
/// cancellation rules. Hours, addresses and the 2-hour change window agree with the demo clinic's data and settings.
/// </summary>
public static class DemoFaq
{
    public static List<FaqCategory> Categories(long organizationId)
    {
        var position = 0;
        FaqCategory C(string ru, string kk, string en, params FaqEntry[] entries)
        {
            for (var i = 0; i < entries.Length; i++)
                entries[i].Position = i;
            return new() { OrganizationId = organizationId, Position = position++, TitleRu = ru, TitleKk = kk, TitleEn = en, Entries = [.. entries] };
        }

        return
        [
            C("🧪 Подготовка к анализам", "🧪 Талдауларға дайындық", "🧪 Preparing for tests",
                new FaqEntry
                {
                    QuestionRu = "Как подготовиться к сдаче крови?",
                    AnswerRu = "Кровь сдают утром натощак: после последнего приёма пищи должно пройти 8–12 часов, пить можно только чистую негазированную воду. " +
                               "За сутки исключите алкоголь, жирную и жареную пищу и интенсивные тренировки, за час до сдачи не курите. " +
                               "Если вы принимаете лекарства, предупредите медсестру: некоторые препараты влияют на результат. Кровь берём с 8:00 до 11:00.",
                    KeywordsRu = "анализ анализы кровь натощак голодать сдать сдача забор подготовка",
                    QuestionKk = "Қан тапсыруға қалай дайындалу керек?",
                    AnswerKk = "Қанды таңертең аш қарынға тапсырады: соңғы тамақтанудан кейін 8–12 сағат өтуі керек, тек таза газсыз су ішуге болады. " +
                               "Бір тәулік бұрын алкогольді, майлы және қуырылған тағамды, ауыр жаттығуларды болдырмаңыз, тапсырардан бір сағат бұрын темекі шекпеңіз. " +
                               "Дәрі қабылдасаңыз, мейірбикеге айтыңыз: кейбір дәрілер нәтижеге әсер етеді. Қан 8:00-ден 11:00-ге дейін алынады.",
                    KeywordsKk = "талдау талдауы қан аш қарын ашқарын тапсыру дайындық",
                    QuestionEn = "How do I prepare for a blood test?",
                    AnswerEn = "Blood is taken in the morning on an empty stomach: 8–12 hours after your last meal; you may drink plain still water. " +
                               "For 24 hours before, avoid alcohol, fatty and fried food and hard exercise, and do not smoke for an hour before. " +
                               "If you take any medication, tell the nurse: some drugs change the results. We take blood from 8:00 to 11:00.",
                    KeywordsEn = "blood test tests fasting fast sample analysis preparation prepare",
                },
                new FaqEntry
                {
                    QuestionRu = "Как подготовиться к УЗИ брюшной полости?",
                    AnswerRu = "УЗИ брюшной полости делают натощак: не ешьте 6–8 часов до исследования. За 2–3 дня исключите продукты, от которых бывает вздутие: " +
                               "бобовые, капусту, чёрный хлеб, сырые овощи и фрукты, газированные напитки. Возьмите с собой результаты прошлых обследований, если они есть. " +
                               "К УЗИ щитовидной железы готовиться не нужно.",
                    KeywordsRu = "узи ультразвук живот брюшная полость щитовидка",
                    QuestionKk = "Іш қуысының УДЗ-на қалай дайындалу керек?",
                    AnswerKk = "Іш қуысының УДЗ-ы аш қарынға жасалады: тексеруге дейін 6–8 сағат тамақ ішпеңіз. 2–3 күн бұрын іш кебуін тудыратын тағамдарды — " +
                               "бұршақты, қырыққабатты, қара нанды, шикі көкөніс пен жемісті, газдалған сусындарды жемеңіз. Бұрынғы тексерулердің нәтижелері болса, бірге алыңыз. " +
                               "Қалқанша безінің УДЗ-на дайындық қажет емес.",
                    KeywordsKk = "удз ультрадыбыс іш қуысы қалқанша",
                    QuestionEn = "How do I prepare for an abdominal ultrasound?",
                    AnswerEn = "An abdominal ultrasound is done on an empty stomach: do not eat for 6–8 hours before it. For 2–3 days before, avoid foods that cause bloating: " +
                               "beans, cabbage, rye bread, raw vegetables and fruit, fizzy drinks. Bring the results of earlier examinations if you have them. " +
                               "A thyroid ultrasound needs no preparation.",
                    KeywordsEn = "ultrasound scan abdomen abdominal belly thyroid",
                }),
            C("🕘 Режим работы и адреса", "🕘 Жұмыс уақыты мен мекенжайлар", "🕘 Opening hours and addresses",
                new FaqEntry
                {
                    QuestionRu = "Когда работает клиника и где она находится?",
                    AnswerRu = "С понедельника по пятницу — с 8:00 до 19:00, в субботу — с 8:00 до 15:00, воскресенье — выходной.\n" +
                               "• Алматы, пр. Абая, 150 — +7 727 250 01 50\n• Алматы, мкр. Самал-2, 58 — +7 727 264 00 58\n• Астана, пр. Мангилик Ел, 29 — +7 717 279 00 29",
                    KeywordsRu = "режим работы часы график расписание открыты работаете суббота воскресенье выходные адрес телефон",
                    QuestionKk = "Клиника қашан жұмыс істейді және қай жерде орналасқан?",
                    AnswerKk = "Дүйсенбіден жұмаға дейін — 8:00-ден 19:00-ге дейін, сенбіде — 8:00-ден 15:00-ге дейін, жексенбі — демалыс күні.\n" +
                               "• Алматы, Абай даңғылы, 150 — +7 727 250 01 50\n• Алматы, Самал-2 ықшамауданы, 58 — +7 727 264 00 58\n• Астана, Мәңгілік Ел даңғылы, 29 — +7 717 279 00 29",
                    KeywordsKk = "жұмыс уақыты кесте сағат сенбі жексенбі демалыс мекенжай телефон ашық",
                    QuestionEn = "When is the clinic open and where is it?",
                    AnswerEn = "Monday to Friday 8:00–19:00, Saturday 8:00–15:00, closed on Sunday.\n" +
                               "• Almaty, 150 Abay Ave — +7 727 250 01 50\n• Almaty, Samal-2, 58 — +7 727 264 00 58\n• Astana, 29 Mangilik El Ave — +7 717 279 00 29",
                    KeywordsEn = "opening hours open schedule working time weekend saturday sunday address location phone",
                }),
            C("📄 Документы", "📄 Құжаттар", "📄 Documents",
                new FaqEntry
                {
                    QuestionRu = "Какие документы взять с собой на приём?",
                    AnswerRu = "Удостоверение личности или паспорт (для ребёнка — свидетельство о рождении и документ родителя). " +
                               "Если есть направление, результаты анализов, выписки или снимки — возьмите и их. Для приёма по полису ДМС нужен полис или его номер. " +
                               "ИИН мы уже знаем из вашей регистрации в боте.",
                    KeywordsRu = "документы паспорт удостоверение взять принести направление полис",
                    QuestionKk = "Қабылдауға қандай құжаттар алу керек?",
                    AnswerKk = "Жеке куәлік немесе төлқұжат (бала үшін — туу туралы куәлік және ата-анасының құжаты). " +
                               "Жолдама, талдау нәтижелері, үзінділер немесе суреттер болса, оларды да алыңыз. ЕМС полисі бойынша қабылдауға полис немесе оның нөмірі керек. " +
                               "ЖСН-іңізді боттағы тіркеуден білеміз.",
                    KeywordsKk = "құжат құжаттар куәлік төлқұжат алу жолдама полис",
                    QuestionEn = "Which documents should I bring to my visit?",
                    AnswerEn = "Your ID card or passport (for a child: the birth certificate and a parent's ID). " +
                               "If you have a referral, test results, discharge summaries or scans, bring them too. For a visit under health insurance, bring the policy or its number. " +
                               "We already know your IIN from your registration in the bot.",
                    KeywordsEn = "documents document id passport bring referral insurance papers",
                },
                new FaqEntry
                {
                    QuestionRu = "Как получить справку о посещении?",
                    AnswerRu = "Справку о посещении и спортивную справку можно получить после приёма — в разделе «📄 Документы» бота (PDF с QR-кодом для проверки) " +
                               "или на ресепшене. Результаты анализов и заключения врача клиника загружает туда же, как только они готовы.",
                    KeywordsRu = "справка справку получить заключение результаты",
                    QuestionKk = "Келгені туралы анықтаманы қалай алуға болады?",
                    AnswerKk = "Келгені туралы анықтаманы және спорттық анықтаманы қабылдаудан кейін боттың «📄 Құжаттар» бөлімінен (тексеруге арналған QR-коды бар PDF) " +
                               "немесе тіркеу орнынан алуға болады. Талдау нәтижелері мен дәрігер қорытындысы дайын болған бойда сол жерге жүктеледі.",
                    KeywordsKk = "анықтама анықтаманы алу қорытынды нәтиже",
                    QuestionEn = "How do I get a certificate of my visit?",
                    AnswerEn = "A visit certificate or a sports certificate is available after your visit in the bot's \"📄 Documents\" section (a PDF with a QR code " +
                               "for verification) or at the reception. The clinic uploads test results and the doctor's report there as soon as they are ready.",
                    KeywordsEn = "certificate note results report",
                }),
            C("💳 Оплата", "💳 Төлем", "💳 Payment",
                new FaqEntry
                {
                    QuestionRu = "Как оплатить приём?",
                    AnswerRu = "На ресепшене — картой, наличными или через Kaspi QR, либо онлайн в разделе «💳 Оплата» бота. Цену услуги бот показывает при записи. " +
                               "Чек приходит в бот после оплаты.",
                    KeywordsRu = "оплата оплатить платить цена стоимость карта наличные kaspi чек",
                    QuestionKk = "Қабылдау ақысын қалай төлеуге болады?",
                    AnswerKk = "Тіркеу орнында — картамен, қолма-қол ақшамен немесе Kaspi QR арқылы, не боттың «💳 Төлем» бөлімінде онлайн. Қызмет бағасын бот жазылу кезінде көрсетеді. " +
                               "Төлемнен кейін түбіртек ботқа келеді.",
                    KeywordsKk = "төлем төлеу төлеймін баға құны карта қолма-қол kaspi түбіртек",
                    QuestionEn = "How can I pay for a visit?",
                    AnswerEn = "At the reception by card, in cash or with Kaspi QR, or online in the bot's \"💳 Payments\" section. The bot shows the price when you book. " +
                               "The receipt arrives in the bot after payment.",
                    KeywordsEn = "pay payment price cost card cash kaspi receipt",
                },
                new FaqEntry
                {
                    QuestionRu = "Можно ли вернуть деньги за отменённый приём?",
                    AnswerRu = "Да. Если вы отменили оплаченный приём не позднее чем за 2 часа, деньги вернутся тем же способом, которым вы платили: на карту — за 3–10 рабочих дней. " +
                               "Обратитесь на ресепшен или напишите в поддержку.",
                    KeywordsRu = "возврат вернуть деньги",
                    QuestionKk = "Болдырылмаған қабылдау үшін ақшаны қайтаруға бола ма?",
                    AnswerKk = "Иә. Төленген қабылдауды кемінде 2 сағат бұрын болдырмасаңыз, ақша сіз төлеген тәсілмен қайтарылады: картаға — 3–10 жұмыс күні ішінде. " +
                               "Тіркеу орнына хабарласыңыз немесе қолдау қызметіне жазыңыз.",
                    KeywordsKk = "қайтару қайтаруға ақша",
                    QuestionEn = "Can I get a refund for a cancelled visit?",
                    AnswerEn = "Yes. If you cancel a paid visit at least 2 hours in advance, the money goes back the way you paid: to a card within 3–10 working days. " +
                               "Contact the reception or write to support.",
                    KeywordsEn = "refund money back return",
                }),
            C("🔄 Отмена и перенос", "🔄 Болдырмау және ауыстыру", "🔄 Cancelling and rescheduling",
                new FaqEntry
                {
                    QuestionRu = "Как отменить или перенести запись?",
                    AnswerRu = "Откройте «📋 Мои записи», выберите визит и нажмите «🔄 Перенести» или «✖️ Отменить запись». Это можно сделать не позднее чем за 2 часа до приёма; " +
                               "позже — позвоните в клинику. Если не сможете прийти, обязательно предупредите: это время достанется другому пациенту.",
                    KeywordsRu = "отмена отменить перенос перенести изменить запись",
                    QuestionKk = "Жазылудан қалай бас тартуға немесе оны ауыстыруға болады?",
                    AnswerKk = "«📋 Менің жазылуларым» бөлімін ашып, қабылдауды таңдаңыз да, «🔄 Ауыстыру» немесе «✖️ Жазылудан бас тарту» түймесін басыңыз. " +
                               "Мұны қабылдауға кемінде 2 сағат қалғанда жасауға болады, одан кейін клиникаға қоңырау шалыңыз. Келе алмасаңыз, міндетті түрде ескертіңіз: бұл уақыт басқа пациентке беріледі.",
                    KeywordsKk = "болдырмау бас тарту ауыстыру өзгерту жазылу",
                    QuestionEn = "How do I cancel or reschedule an appointment?",
                    AnswerEn = "Open \"📋 My appointments\", choose the visit and press \"🔄 Reschedule\" or \"✖️ Cancel appointment\". You can do this up to 2 hours before the visit; " +
                               "later than that, please call the clinic. If you cannot come, do let us know: the time can go to another patient.",
                    KeywordsEn = "cancel cancellation reschedule change move appointment booking",
                },
                new FaqEntry
                {
                    QuestionRu = "Что будет, если я опоздаю?",
                    AnswerRu = "Если вы опаздываете больше чем на 15 минут, врач может не успеть провести приём полностью — тогда мы предложим другое время. " +
                               "Пожалуйста, позвоните в клинику, если опаздываете или не придёте.",
                    KeywordsRu = "опоздание опоздать опаздываю неявка",
                    QuestionKk = "Кешігіп қалсам не болады?",
                    AnswerKk = "15 минуттан артық кешіксеңіз, дәрігер қабылдауды толық өткізіп үлгермеуі мүмкін — онда басқа уақыт ұсынамыз. " +
                               "Кешігетін немесе келмейтін болсаңыз, клиникаға қоңырау шалыңыз.",
                    KeywordsKk = "кешігу кешігемін кешіксем келмеу",
                    QuestionEn = "What happens if I am late?",
                    AnswerEn = "If you are more than 15 minutes late, the doctor may not have time for a full visit — then we will offer you another time. " +
                               "Please call the clinic if you are running late or cannot come.",
                    KeywordsEn = "late lateness delay miss missed",
                }),
        ];
    }
}
