using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Clinic.Telegram.Fake.Tests;

/// <summary>Groups and forged chats: the updates a test needs to check that a bot keeps private things private.</summary>
public sealed class GroupsTests : FakeTelegramTestBase
{
    [Fact]
    public async Task AMessageInASupergroupComesWithTheGroupAsChatAndTheMemberAsSender()
    {
        var aidos = Server.CreateUser(42, "Aidos");
        var group = Server.CreateGroup(-1001234567890, "Family");

        await group.SendText(aidos, "/profile");
        var update = Assert.Single(await Bot.GetUpdates(cancellationToken: Ct));

        Assert.Equal(-1001234567890, update.Message!.Chat.Id);
        Assert.Equal(ChatType.Supergroup, update.Message.Chat.Type);
        Assert.Equal("Family", update.Message.Chat.Title);
        Assert.Equal(42, update.Message.From!.Id);
        Assert.Equal("/profile", update.Message.Text);
    }

    [Fact]
    public async Task WhatTheBotSendsToAGroupIsKeptInTheGroupNotInItsMembersChats()
    {
        var aidos = Server.CreateUser(42, "Aidos");
        var group = Server.CreateGroup(-100500, "Family", "group");

        await Bot.SendMessage(group.Id, "Write to me privately", cancellationToken: Ct);

        Assert.Equal("Write to me privately", (await group.WaitForMessage(ct: Ct)).Text);
        Assert.Empty(aidos.Messages);
    }

    [Fact]
    public async Task AForgedUpdateCarriesAnotherUsersPrivateChatAndTheForgersId()
    {
        var aidos = Server.CreateUser(42, "Aidos");
        Server.CreateUser(43, "Dana");
        var sent = await Bot.SendMessage(43, "Hello Dana", cancellationToken: Ct);

        await aidos.SendTextIn(43, "/profile");
        await aidos.PressCallbackIn(43, sent.MessageId, "pf:name");
        var updates = await Bot.GetUpdates(cancellationToken: Ct);

        Assert.Equal((43L, ChatType.Private, 42L), (updates[0].Message!.Chat.Id, updates[0].Message!.Chat.Type, updates[0].Message!.From!.Id));
        Assert.Equal((43L, 42L), (updates[1].CallbackQuery!.Message!.Chat.Id, updates[1].CallbackQuery!.From.Id));
    }
}
