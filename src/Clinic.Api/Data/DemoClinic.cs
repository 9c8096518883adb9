using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Slots;

namespace Clinic.Api.Data;

/// <summary>The demo clinic's data: real-looking names, addresses and prices (tenge × 100 = tiyn).</summary>
public static class DemoClinic
{
    public static List<Branch> Branches(long organizationId) =>
    [
        new() { OrganizationId = organizationId, NameRu = "Клиника на Абая", NameKk = "Абай даңғылындағы клиника", NameEn = "Abay Avenue Clinic",
            Address = "г. Алматы, пр. Абая, 150", Phone = "+77272500150", TimeZone = "Asia/Almaty" },
        new() { OrganizationId = organizationId, NameRu = "Клиника в Самале", NameKk = "Самалдағы клиника", NameEn = "Samal Clinic",
            Address = "г. Алматы, мкр. Самал-2, 58", Phone = "+77272640058", TimeZone = "Asia/Almaty" },
        new() { OrganizationId = organizationId, NameRu = "Клиника на Левом берегу", NameKk = "Сол жағалаудағы клиника", NameEn = "Left Bank Clinic",
            Address = "г. Астана, пр. Мангилик Ел, 29", Phone = "+77172790029", TimeZone = "Asia/Almaty" },
    ];

    public static List<Service> Services(long organizationId)
    {
        Service S(string ru, string kk, string en, (string Ru, string Kk, string En) category, int minutes, long tenge, int before = 0, int after = 0) => new()
        {
            OrganizationId = organizationId, NameRu = ru, NameKk = kk, NameEn = en,
            CategoryRu = category.Ru, CategoryKk = category.Kk, CategoryEn = category.En,
            DurationMinutes = minutes, PriceTiyn = tenge * 100, BufferBeforeMinutes = before, BufferAfterMinutes = after,
        };
        var consult = ("Консультации", "Кеңестер", "Consultations");
        var diag = ("Диагностика", "Диагностика", "Diagnostics");
        var proc = ("Процедуры", "Емшаралар", "Procedures");
        return
        [
            S("Приём терапевта", "Терапевт қабылдауы", "General practitioner visit", consult, 30, 9_000),
            S("Приём педиатра", "Педиатр қабылдауы", "Paediatrician visit", consult, 30, 10_000),
            S("Приём кардиолога", "Кардиолог қабылдауы", "Cardiologist visit", consult, 30, 14_000),
            S("Приём невролога", "Невролог қабылдауы", "Neurologist visit", consult, 30, 13_000),
            S("Приём гинеколога", "Гинеколог қабылдауы", "Gynaecologist visit", consult, 30, 13_000, after: 10),
            S("Приём эндокринолога", "Эндокринолог қабылдауы", "Endocrinologist visit", consult, 30, 13_000),
            S("Приём офтальмолога", "Офтальмолог қабылдауы", "Ophthalmologist visit", consult, 30, 11_000),
            S("Приём ЛОР-врача", "ЛОР-дәрігер қабылдауы", "ENT doctor visit", consult, 30, 11_000),
            S("УЗИ брюшной полости", "Іш қуысының УДЗ", "Abdominal ultrasound", diag, 30, 12_000, after: 5),
            S("УЗИ щитовидной железы", "Қалқанша безінің УДЗ", "Thyroid ultrasound", diag, 15, 8_000, after: 5),
            S("ЭКГ с расшифровкой", "ЭКГ түсіндірмесімен", "ECG with interpretation", diag, 15, 5_000),
            S("Эхокардиография", "Эхокардиография", "Echocardiography", diag, 45, 18_000, after: 5),
            S("Общий анализ крови", "Қанның жалпы талдауы", "Complete blood count", diag, 15, 3_500),
            S("Внутривенная капельница", "Көктамыр ішіне тамшылатқыш", "Intravenous drip", proc, 60, 7_500, before: 5, after: 10),
            S("Массаж спины", "Арқа массажы", "Back massage", proc, 45, 8_500, after: 15),
        ];
    }

    /// <summary>Doctors with the indexes of their branches and services in the lists above.</summary>
    public static List<(Doctor Doctor, int[] Branches, int[] Services)> Doctors(long organizationId)
    {
        Doctor D(string name, string ru, string kk, string en) =>
            new() { OrganizationId = organizationId, FullName = name, SpecialtyRu = ru, SpecialtyKk = kk, SpecialtyEn = en };
        return
        [
            (D("Ахметова Айгүл Серікқызы", "Терапевт", "Терапевт", "General practitioner"), [0, 1], [0, 10, 12]),
            (D("Иванов Сергей Петрович", "Терапевт", "Терапевт", "General practitioner"), [2], [0, 10, 12, 13]),
            (D("Нұрланов Ержан Болатұлы", "Кардиолог", "Кардиолог", "Cardiologist"), [0], [2, 10, 11]),
            (D("Ким Елена Викторовна", "Педиатр", "Педиатр", "Paediatrician"), [1, 2], [1]),
            (D("Сәрсенбаева Гүлнар Ахметқызы", "Гинеколог", "Гинеколог", "Gynaecologist"), [0, 2], [4, 8]),
            (D("Оспанов Данияр Қайратұлы", "Невролог", "Невролог", "Neurologist"), [1], [3, 14]),
            (D("Жұмабекова Әсел Маратқызы", "Эндокринолог", "Эндокринолог", "Endocrinologist"), [0, 2], [5, 9]),
            (D("Петренко Ольга Игоревна", "Офтальмолог", "Офтальмолог", "Ophthalmologist"), [1], [6]),
            (D("Төлеуов Асқар Нұрланұлы", "Оториноларинголог", "Оториноларинголог", "Otolaryngologist (ENT)"), [0, 1], [7]),
            (D("Бекмұхамбетова Дана Ғалымқызы", "Врач УЗИ-диагностики", "УДЗ дәрігері", "Ultrasound specialist"), [0, 1, 2], [8, 9, 11]),
        ];
    }

    public static WeeklyPlanEntry Shift(long doctorId, long branchId, DayOfWeek day, bool early)
    {
        var saturday = day == DayOfWeek.Saturday;
        var (start, end) = early ? (new TimeOnly(8, 0), saturday ? new TimeOnly(13, 0) : new TimeOnly(17, 0))
                                 : (new TimeOnly(10, 0), saturday ? new TimeOnly(15, 0) : new TimeOnly(19, 0));
        return new WeeklyPlanEntry
        {
            DoctorId = doctorId,
            BranchId = branchId,
            DayOfWeek = day,
            Start = start,
            End = end,
            Breaks = saturday ? [] : [new WorkBreak { Start = new TimeOnly(13, 0), End = new TimeOnly(14, 0) }],
        };
    }
}
