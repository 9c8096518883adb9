using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Bot.Tests.Features.Support;

/// <summary>The whole system, with helpers to answer tickets through the staff API as the clinic does.</summary>
public sealed partial class SupportEnvironment : BotEnvironment
{
    /// <summary>The ticket the bot announced as created (its number is in the message), read through the staff API.</summary>
    public async Task<TicketDto> TicketAnnouncedIn(string createdMessage)
    {
        var number = TicketNumber().Match(createdMessage).Value;
        Assert.False(string.IsNullOrEmpty(number), $"No ticket number in \"{createdMessage}\"");
        using var staff = Staff();
        var list = await staff.GetFromJsonAsync<TicketListResponse>(SupportRoutes.StaffTickets, ClinicJson.Options, TestContext.Current.CancellationToken);
        var id = Assert.Single(list!.Items, t => t.Number == number).Id;
        return (await staff.GetFromJsonAsync<TicketDto>(SupportRoutes.StaffTicket(id), ClinicJson.Options, TestContext.Current.CancellationToken))!;
    }

    /// <summary>Waits until the bot's copy of a message's attachment is stored, and returns its bytes from the staff API.</summary>
    public async Task<byte[]> StoredAttachment(long ticketId, long messageId)
    {
        using var staff = Staff();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await staff.GetAsync(SupportRoutes.StaffAttachment(ticketId, messageId), TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.True(DateTime.UtcNow < deadline, $"No stored attachment for message {messageId}: {(int)response.StatusCode}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"T-\d{6}")]
    public static partial Regex TicketNumber();
}
