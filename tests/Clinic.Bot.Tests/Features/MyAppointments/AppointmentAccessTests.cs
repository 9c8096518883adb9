using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.MyAppointments;

public sealed class AppointmentAccessTests(BotEnvironment env) : IClassFixture<BotEnvironment>
{
    [Fact]
    public async Task Another_patients_appointment_id_in_callback_data_is_refused_as_not_found()
    {
        var owner = env.NewUser();
        var intruder = env.NewUser();
        await Task.WhenAll(Scenarios.RegisterAsync(owner, Language.Ru), Scenarios.RegisterAsync(intruder, Language.Ru, "Сидоров Иван"));
        await Scenarios.BookFirstFreeAsync(owner);
        await owner.Tap("menu.my_appointments");
        await owner.Expect("appointments.card");
        var appointmentId = owner.IdFromButton("ap:cx:");

        await intruder.Tap("menu.my_appointments");
        var list = await intruder.Expect("appointments.empty_upcoming");
        await intruder.User.PressCallback(list.MessageId, $"ap:cy:{appointmentId}");
        await intruder.Expect("appointments.not_found");
        await intruder.User.PressCallback(list.MessageId, $"ap:rs:{appointmentId}");
        await intruder.Expect("appointments.not_found");

        await owner.Tap("menu.my_appointments");
        await owner.Expect("appointments.card");
        Assert.Equal(appointmentId, owner.IdFromButton("ap:cx:"));
    }

    [Fact]
    public async Task A_past_list_can_be_opened_and_declining_a_cancel_keeps_the_visit()
    {
        var chat = env.NewUser();
        await Scenarios.RegisterAsync(chat, Language.Ru);
        await Scenarios.BookFirstFreeAsync(chat);
        await chat.Tap("menu.my_appointments");
        await chat.Expect("appointments.card");
        await chat.Press("ap:cx:");
        await chat.Expect("appointments.cancel_confirm");
        await chat.Press("ap:cn:");
        var card = await chat.Expect("appointments.card");
        Assert.Contains(card.InlineButtons, b => b.CallbackData!.StartsWith("ap:cx:", StringComparison.Ordinal));

        await chat.Press("ap:list:past");
        await chat.Expect("appointments.empty_past");
    }
}
