using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Slots;

namespace Clinic.Api.Data;

/// <summary>The demo clinic's data: real-looking names, addresses and prices (tenge × 100 = tiyn).</summary>
public static class DemoClinic
{
    public static List<Branch> Branches(long organizationId) =>
    [
        new() { OrganizationId = organizationId, NameRu = "Клиника на Абая", NameKk = "Абай даңғылындағы клиника",
            Address = "г. Алматы, пр. Абая, 150", Phone = "+77272500150", TimeZone = "Asia/Almaty" },
        new() { OrganizationId = organizationId, NameRu = "Клиника в Самале", NameKk = "Самалдағы клиника",
            Address = "г. Алматы, мкр. Самал-2, 58", Phone = "+77272640058", TimeZone = "Asia/Almaty" },
        new() { OrganizationId = organizationId, NameRu = "Клиника на Левом берегу", NameKk = "Сол жағалаудағы клиника",
            Address = "г. Астана, пр. Мангилик Ел, 29", Phone = "+77172790029", TimeZone = "Asia/Almaty" },
    ];

    public static List<Service> Services(long organizationId)
    {
        Service S(string ru, string kk, string catRu, string catKk, int minutes, long tenge, int before = 0, int after = 0) => new()
        {
            OrganizationId = organizationId, NameRu = ru, NameKk = kk, CategoryRu = catRu, CategoryKk = catKk,
            DurationMinutes = minutes, PriceTiyn = tenge * 100, BufferBeforeMinutes = before, BufferAfterMinutes = after,
        };
        const string consult = "Консультации", consultKk = "Кеңестер";
        const string diag = "Диагностика", diagKk = "Диагностика";
        const string proc = "Процедуры", procKk = "Емшаралар";
        return
        [
            S("Приём терапевта", "Терапевт қабылдауы", consult, consultKk, 30, 9_000),
            S("Приём педиатра", "Педиатр қабылдауы", consult, consultKk, 30, 10_000),
            S("Приём кардиолога", "Кардиолог қабылдауы", consult, consultKk, 30, 14_000),
            S("Приём невролога", "Невролог қабылдауы", consult, consultKk, 30, 13_000),
            S("Приём гинеколога", "Гинеколог қабылдауы", consult, consultKk, 30, 13_000, after: 10),
            S("Приём эндокринолога", "Эндокринолог қабылдауы", consult, consultKk, 30, 13_000),
            S("Приём офтальмолога", "Офтальмолог қабылдауы", consult, consultKk, 30, 11_000),
            S("Приём ЛОР-врача", "ЛОР-дәрігер қабылдауы", consult, consultKk, 30, 11_000),
            S("УЗИ брюшной полости", "Іш қуысының УДЗ", diag, diagKk, 30, 12_000, after: 5),
            S("УЗИ щитовидной железы", "Қалқанша безінің УДЗ", diag, diagKk, 15, 8_000, after: 5),
            S("ЭКГ с расшифровкой", "ЭКГ түсіндірмесімен", diag, diagKk, 15, 5_000),
            S("Эхокардиография", "Эхокардиография", diag, diagKk, 45, 18_000, after: 5),
            S("Общий анализ крови", "Қанның жалпы талдауы", diag, diagKk, 15, 3_500),
            S("Внутривенная капельница", "Көктамыр ішіне тамшылатқыш", proc, procKk, 60, 7_500, before: 5, after: 10),
            S("Массаж спины", "Арқа массажы", proc, procKk, 45, 8_500, after: 15),
        ];
    }

    /// <summary>Doctors with the indexes of their branches and services in the lists above.</summary>
    public static List<(Doctor Doctor, int[] Branches, int[] Services)> Doctors(long organizationId)
    {
        Doctor D(string name, string ru, string kk) => new() { OrganizationId = organizationId, FullName = name, SpecialtyRu = ru, SpecialtyKk = kk };
        return
        [
            (D("Ахметова Айгүл Серікқызы", "Терапевт", "Терапевт"), [0, 1], [0, 10, 12]),
            (D("Иванов Сергей Петрович", "Терапевт", "Терапевт"), [2], [0, 10, 12, 13]),
            (D("Нұрланов Ержан Болатұлы", "Кардиолог", "Кардиолог"), [0], [2, 10, 11]),
            (D("Ким Елена Викторовна", "Педиатр", "Педиатр"), [1, 2], [1]),
            (D("Сәрсенбаева Гүлнар Ахметқызы", "Гинеколог", "Гинеколог"), [0, 2], [4, 8]),
            (D("Оспанов Данияр Қайратұлы", "Невролог", "Невролог"), [1], [3, 14]),
            (D("Жұмабекова Әсел Маратқызы", "Эндокринолог", "Эндокринолог"), [0, 2], [5, 9]),
            (D("Петренко Ольга Игоревна", "Офтальмолог", "Офтальмолог"), [1], [6]),
            (D("Төлеуов Асқар Нұрланұлы", "Оториноларинголог", "Оториноларинголог"), [0, 1], [7]),
            (D("Бекмұхамбетова Дана Ғалымқызы", "Врач УЗИ-диагностики", "УДЗ дәрігері"), [0, 1, 2], [8, 9, 11]),
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
