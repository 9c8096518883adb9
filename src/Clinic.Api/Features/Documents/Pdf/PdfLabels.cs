using Clinic.Contracts;

namespace Clinic.Api.Features.Documents.Pdf;

/// <summary>The printed words of the clinic's documents, per language (the patient's; English for foreigners).</summary>
public sealed record PdfLabels
{
    public required string Clinic { get; init; }
    public required string Address { get; init; }
    public required string Phone { get; init; }
    public required string Number { get; init; }
    public required string IssueDate { get; init; }
    public required string Patient { get; init; }
    public required string BirthDate { get; init; }
    public required string VisitTime { get; init; }
    public required string Doctor { get; init; }
    public required string Service { get; init; }
    public required string Branch { get; init; }
    public required string VisitTitle { get; init; }
    public required string VisitSubtitle { get; init; }
    public required string VisitStatement { get; init; }
    public required string PresentedTo { get; init; }
    public required string SportTitle { get; init; }
    public required string SportSubtitle { get; init; }
    public required string SportType { get; init; }
    public required string SportStatement { get; init; }
    public required string ReceiptTitle { get; init; }
    public required string Payer { get; init; }
    public required string Amount { get; init; }
    public required string PaidAt { get; init; }
    public required string PaymentMethod { get; init; }
    public required string KaspiReference { get; init; }
    public required string Verify { get; init; }
    public required string Electronic { get; init; }
    public required string NotGiven { get; init; }
    public required string LabResultTitle { get; init; }
    public required string VisitSummaryTitle { get; init; }

    public static PdfLabels For(Language language) => language switch
    {
        Language.Kk => Kk,
        Language.En => En,
        _ => Ru,
    };

    public static readonly PdfLabels Ru = new()
    {
        Clinic = "Медицинская организация", Address = "Адрес", Phone = "Телефон", Number = "Номер документа",
        IssueDate = "Дата выдачи", Patient = "Пациент", BirthDate = "Дата рождения", VisitTime = "Дата и время приёма",
        Doctor = "Врач", Service = "Услуга", Branch = "Филиал",
        VisitTitle = "СПРАВКА", VisitSubtitle = "о посещении медицинской организации",
        VisitStatement = "Настоящая справка подтверждает, что пациент был на приёме в указанные дату и время.",
        PresentedTo = "Для предъявления",
        SportTitle = "СПРАВКА", SportSubtitle = "о допуске к занятиям спортом",
        SportType = "Вид спорта / бассейн",
        SportStatement = "По результатам осмотра противопоказаний к занятиям указанным видом спорта не выявлено.",
        ReceiptTitle = "КВИТАНЦИЯ ОБ ОПЛАТЕ", Payer = "Плательщик", Amount = "Сумма", PaidAt = "Дата и время оплаты",
        PaymentMethod = "Способ оплаты", KaspiReference = "Номер операции Kaspi",
        Verify = "Проверить подлинность документа: отсканируйте QR-код или откройте ссылку",
        Electronic = "Документ сформирован в электронном виде.", NotGiven = "не указано",
        LabResultTitle = "Результаты анализов", VisitSummaryTitle = "Заключение по итогам приёма",
    };

    public static readonly PdfLabels Kk = new()
    {
        Clinic = "Медициналық ұйым", Address = "Мекенжайы", Phone = "Телефоны", Number = "Құжат нөмірі",
        IssueDate = "Берілген күні", Patient = "Науқас", BirthDate = "Туған күні", VisitTime = "Қабылдау күні мен уақыты",
        Doctor = "Дәрігер", Service = "Қызмет", Branch = "Филиал",
        VisitTitle = "АНЫҚТАМА", VisitSubtitle = "медициналық ұйымға келгені туралы",
        VisitStatement = "Бұл анықтама науқастың көрсетілген күні мен уақытта қабылдауда болғанын растайды.",
        PresentedTo = "Ұсынылатын орны",
        SportTitle = "АНЫҚТАМА", SportSubtitle = "спортпен шұғылдануға рұқсат туралы",
        SportType = "Спорт түрі / бассейн",
        SportStatement = "Тексеру нәтижесі бойынша көрсетілген спорт түрімен шұғылдануға қарсы көрсетілімдер анықталған жоқ.",
        ReceiptTitle = "ТӨЛЕМ ТУРАЛЫ ТҮБІРТЕК", Payer = "Төлеуші", Amount = "Сомасы", PaidAt = "Төлем күні мен уақыты",
        PaymentMethod = "Төлем тәсілі", KaspiReference = "Kaspi операциясының нөмірі",
        Verify = "Құжаттың түпнұсқалығын тексеру: QR-кодты сканерлеңіз немесе сілтемені ашыңыз",
        Electronic = "Құжат электрондық түрде жасалған.", NotGiven = "көрсетілмеген",
        LabResultTitle = "Талдау нәтижелері", VisitSummaryTitle = "Қабылдау қорытындысы",
    };

    public static readonly PdfLabels En = new()
    {
        Clinic = "Medical organisation", Address = "Address", Phone = "Phone", Number = "Document number",
        IssueDate = "Issue date", Patient = "Patient", BirthDate = "Date of birth", VisitTime = "Visit date and time",
        Doctor = "Doctor", Service = "Service", Branch = "Branch",
        VisitTitle = "CERTIFICATE", VisitSubtitle = "of a visit to a medical organisation",
        VisitStatement = "This certificate confirms that the patient attended the visit at the date and time stated.",
        PresentedTo = "To be presented to",
        SportTitle = "CERTIFICATE", SportSubtitle = "of fitness for sports",
        SportType = "Sport / swimming pool",
        SportStatement = "The examination found no contraindications to the sport stated.",
        ReceiptTitle = "PAYMENT RECEIPT", Payer = "Payer", Amount = "Amount", PaidAt = "Paid at",
        PaymentMethod = "Payment method", KaspiReference = "Kaspi transaction number",
        Verify = "Check that this document is genuine: scan the QR code or open the link",
        Electronic = "This document was issued electronically.", NotGiven = "not given",
        LabResultTitle = "Lab results", VisitSummaryTitle = "Visit summary",
    };
}
