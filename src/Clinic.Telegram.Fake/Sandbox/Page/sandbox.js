// The local Telegram sandbox: a chat page over the fake Bot API's "user side".
// Everything the bot wrote is put in the page as text nodes built from Telegram's entities, never as HTML.
"use strict";

(() => {
  const api = (path) => "api/" + path;
  const $ = (id) => document.getElementById(id);

  // The page's own words in the clinic's three languages: ?lang=ru|kk|en, else the browser's language, else English.
  // (What the bot writes comes from the bot, in the chosen user's language.)
  const WORDS = {
    en: {
      title: "Telegram sandbox · local", banner_title: "Local Telegram sandbox",
      banner_before: "This is not Telegram. Messages stay on this computer and go only to the bot running here; set",
      banner_after: " to talk to real Telegram.", users: "Test users",
      users_note: "Each user has their own private chat with the bot. Switch between them at any time.",
      messages: "Messages", empty: "No messages here yet.", start: "START", menu: "Menu", commands: "Commands",
      message: "Message", keyboard_toggle: "Show or hide the bot's keyboard", send: "Send", cancel: "Cancel",
      spoiler: "Spoiler: click to reveal", you_are: "You are", photo: "Photo", open: "Open", download: "Download",
      share_phone: "Share your phone number {phone} with {bot}?", the_bot: "the bot", tab: "Telegram sandbox",
    },
    ru: {
      title: "Песочница Telegram · локально", banner_title: "Локальная песочница Telegram",
      banner_before: "Это не Telegram. Сообщения остаются на этом компьютере и уходят только боту, запущенному здесь; задайте",
      banner_after: ", чтобы работать с настоящим Telegram.", users: "Тестовые пользователи",
      users_note: "У каждого пользователя свой личный чат с ботом. Переключайтесь между ними в любой момент.",
      messages: "Сообщения", empty: "Здесь пока нет сообщений.", start: "НАЧАТЬ", menu: "Меню", commands: "Команды",
      message: "Сообщение", keyboard_toggle: "Показать или скрыть клавиатуру бота", send: "Отправить", cancel: "Отмена",
      spoiler: "Спойлер: нажмите, чтобы показать", you_are: "Вы —", photo: "Фото", open: "Открыть", download: "Скачать",
      share_phone: "Поделиться номером телефона {phone} с {bot}?", the_bot: "ботом", tab: "Песочница Telegram",
    },
    kk: {
      title: "Telegram құмсалғышы · жергілікті", banner_title: "Жергілікті Telegram құмсалғышы",
      banner_before: "Бұл Telegram емес. Хабарламалар осы компьютерде қалады және тек осында іске қосылған ботқа барады; нағыз Telegram-мен жұмыс істеу үшін",
      banner_after: " мәнін орнатыңыз.", users: "Сынақ пайдаланушылары",
      users_note: "Әр пайдаланушының ботпен өз жеке чаты бар. Олардың арасында кез келген уақытта ауыса аласыз.",
      messages: "Хабарламалар", empty: "Әзірге хабарлама жоқ.", start: "БАСТАУ", menu: "Мәзір", commands: "Командалар",
      message: "Хабарлама", keyboard_toggle: "Бот пернетақтасын көрсету не жасыру", send: "Жіберу", cancel: "Болдырмау",
      spoiler: "Спойлер: көру үшін басыңыз", you_are: "Сіз —", photo: "Фото", open: "Ашу", download: "Жүктеп алу",
      share_phone: "{phone} телефон нөміріңізбен {bot} бөлісесіз бе?", the_bot: "ботпен", tab: "Telegram құмсалғышы",
    },
  };
  const lang = (() => {
    const asked = new URL(window.location.href).searchParams.get("lang");
    const browser = (navigator.language || "en").slice(0, 2).toLowerCase();
    return WORDS[asked] ? asked : WORDS[browser] ? browser : "en";
  })();
  const t = (key, values) => {
    let text = WORDS[lang][key] ?? WORDS.en[key] ?? key;
    for (const [name, value] of Object.entries(values || {})) text = text.replace("{" + name + "}", value);
    return text;
  };

  function translatePage() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const attribute of ["title", "placeholder", "aria-label"]) {
      for (const node of document.querySelectorAll("[data-i18n-" + attribute + "]")) {
        node.setAttribute(attribute, t(node.getAttribute("data-i18n-" + attribute)));
      }
    }
  }

  const state = {
    info: null,
    users: [],
    userId: null,
    chat: null,
    seenVersions: new Map(),
    seenAnswers: new Set(),
    keyboardHidden: false,
    refreshing: null,
    again: false,
  };

  // ---- helpers -----------------------------------------------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  async function request(path, options) {
    const response = await fetch(api(path), {
      headers: { "Content-Type": "application/json" },
      ...options,
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  const post = (path, body) => request(path, { method: "POST", body: JSON.stringify(body || {}) });

  function initials(user) {
    const first = (user.firstName || "?").charAt(0);
    const last = (user.lastName || "").charAt(0);
    return (first + last).toUpperCase();
  }

  function fullName(user) {
    return [user.firstName, user.lastName].filter(Boolean).join(" ");
  }

  function time(iso) {
    const date = new Date(iso);
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url, window.location.href);
      return ["http:", "https:", "tg:", "mailto:", "tel:"].includes(parsed.protocol) ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + " KB";
    return (bytes / 1024 / 1024).toFixed(1) + " MB";
  }

  // ---- Telegram entities → DOM ---------------------------------------------------------------------------------

  // Offsets and lengths are UTF-16 code units, which is what JavaScript strings index by.
  function renderEntities(text, entities) {
    const fragment = document.createDocumentFragment();
    const sorted = [...(entities || [])]
      .filter((e) => e.length > 0)
      .sort((a, b) => a.offset - b.offset || b.length - a.length);
    appendRange(fragment, text, sorted, 0, text.length);
    return fragment;
  }

  function appendRange(parent, text, entities, start, end) {
    let position = start;
    let index = 0;
    while (index < entities.length) {
      const entity = entities[index];
      const entityEnd = entity.offset + entity.length;
      if (entity.offset < position || entityEnd > end) {
        index++;
        continue;
      }
      if (entity.offset > position) appendText(parent, text.slice(position, entity.offset));
      // Entities inside this one (sorted, so they follow it).
      const inner = [];
      let next = index + 1;
      while (next < entities.length && entities[next].offset < entityEnd) {
        if (entities[next].offset + entities[next].length <= entityEnd) inner.push(entities[next]);
        next++;
      }
      const node = entityNode(entity, text.slice(entity.offset, entityEnd));
      appendRange(node.content, text, inner, entity.offset, entityEnd);
      parent.appendChild(node.outer);
      position = entityEnd;
      index = next;
    }
    if (position < end) appendText(parent, text.slice(position, end));
  }

  function appendText(parent, text) {
    parent.appendChild(document.createTextNode(text));
  }

  function entityNode(entity, slice) {
    const wrap = (tag, className) => {
      const node = el(tag, className);
      return { outer: node, content: node };
    };
    switch (entity.type) {
      case "bold": return wrap("strong");
      case "italic": return wrap("em");
      case "underline": return wrap("u");
      case "strikethrough": return wrap("s");
      case "spoiler": {
        const node = wrap("span", "spoiler");
        node.outer.title = t("spoiler");
        node.outer.addEventListener("click", () => node.outer.classList.add("revealed"));
        return node;
      }
      case "code": return wrap("code");
      case "pre": {
        const pre = el("pre");
        const code = el("code");
        if (entity.language) code.dataset.language = entity.language;
        pre.appendChild(code);
        return { outer: pre, content: code };
      }
      case "blockquote":
      case "expandable_blockquote": return wrap("blockquote");
      case "text_link":
      case "url": {
        const href = safeUrl(entity.type === "url" ? slice : entity.url);
        if (!href) return wrap("span");
        const link = el("a");
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        return { outer: link, content: link };
      }
      case "email": {
        const link = el("a");
        link.href = "mailto:" + slice;
        return { outer: link, content: link };
      }
      case "phone_number": {
        const link = el("a");
        link.href = "tel:" + slice.replace(/[^+\d]/g, "");
        return { outer: link, content: link };
      }
      case "bot_command": {
        const link = el("a", "command-link");
        link.href = "#";
        link.addEventListener("click", (event) => {
          event.preventDefault();
          sendText(slice);
        });
        return { outer: link, content: link };
      }
      case "mention":
      case "hashtag":
      case "cashtag":
      case "text_mention": return wrap("span", "mention");
      default: return wrap("span");
    }
  }

  // ---- users -------------------------------------------------------------------------------------------------

  function renderUsers() {
    const list = $("users");
    list.replaceChildren();
    for (const user of state.users) {
      const item = el("li");
      const button = el("button", "user" + (user.id === state.userId ? " active" : ""));
      button.type = "button";
      button.dataset.userId = String(user.id);
      button.setAttribute("aria-pressed", user.id === state.userId ? "true" : "false");
      const avatar = el("div", "avatar user-avatar", initials(user));
      avatar.dataset.hue = String(user.id % 7);
      const body = el("div", "user-body");
      const top = el("div", "user-top");
      top.appendChild(el("span", "user-name", fullName(user)));
      if (user.isAdmin) top.appendChild(el("span", "badge admin-badge", "admin"));
      top.appendChild(el("span", "badge lang-badge", (user.languageCode || "—").toUpperCase()));
      body.appendChild(top);
      body.appendChild(el("div", "user-preview", user.preview || "id " + user.id));
      button.append(avatar, body);
      const seen = state.seenVersions.get(user.id) ?? 0;
      if (user.id !== state.userId && user.version > seen && user.preview) button.appendChild(el("span", "unread", "●"));
      button.addEventListener("click", () => selectUser(user.id));
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  async function selectUser(id) {
    if (state.userId === id) return;
    state.userId = id;
    state.chat = null;
    state.keyboardHidden = false;
    $("messages").querySelectorAll(".message").forEach((node) => node.remove());
    closeMenu();
    const url = new URL(window.location.href);
    url.searchParams.set("user", String(id));
    window.history.replaceState(null, "", url);
    renderUsers();
    await refresh();
    $("input").focus();
  }

  // ---- chat --------------------------------------------------------------------------------------------------

  function renderChat(chat, isFirstRender) {
    const user = chat.user;
    const me = $("me");
    me.replaceChildren(
      el("span", "me-label", t("you_are")),
      el("span", "me-name", fullName(user)),
      el("span", "me-id", "id " + user.id + " · " + user.phone),
    );
    if (user.isAdmin) me.appendChild(el("span", "badge admin-badge", "admin"));

    const messages = $("messages");
    const nearBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 120;
    const existing = new Map();
    messages.querySelectorAll(".message").forEach((node) => existing.set(node.dataset.key, node));
    let added = false;
    for (const message of chat.messages) {
      const key = message.from + "-" + message.id;
      const signature = JSON.stringify(message);
      let node = existing.get(key);
      if (node && node.dataset.signature !== signature) {
        const replacement = messageNode(message, signature);
        replacement.classList.add("flash");
        node.replaceWith(replacement);
        node = replacement;
      } else if (!node) {
        node = messageNode(message, signature);
        added = true;
      }
      existing.delete(key);
      messages.appendChild(node);
    }
    existing.forEach((node) => node.remove());
    $("empty").hidden = chat.messages.length > 0;

    renderReplyKeyboard(chat.replyKeyboard);
    renderCommands(chat.commands);
    showNewAnswers(chat.answers, isFirstRender);

    // New messages and edits near the end keep the chat scrolled to its end, as Telegram does.
    if (isFirstRender || added || nearBottom) scrollToEnd();
  }

  function scrollToEnd() {
    const messages = $("messages");
    messages.scrollTop = messages.scrollHeight;
  }

  function messageNode(message, signature) {
    const row = el("div", "message " + (message.from === "bot" ? "from-bot" : "from-user"));
    row.dataset.key = message.from + "-" + message.id;
    row.dataset.messageId = String(message.id);
    row.dataset.signature = signature;
    if (message.editDate) row.dataset.edited = "true";

    const bubble = el("div", "bubble");
    if (message.photo) {
      bubble.classList.add("has-photo");
      const img = el("img", "photo");
      img.src = message.photo.url;
      img.alt = message.caption || t("photo");
      img.addEventListener("load", () => {
        const messages = $("messages");
        if (messages.scrollHeight - messages.scrollTop - messages.clientHeight < img.clientHeight + 160) scrollToEnd();
      });
      if (message.photo.width && message.photo.height) img.style.aspectRatio = message.photo.width + " / " + message.photo.height;
      const link = el("a", "photo-link");
      link.href = message.photo.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.appendChild(img);
      bubble.appendChild(link);
    }
    if (message.document) {
      const doc = message.document;
      const card = el("div", "document");
      const icon = el("a", "document-icon", (doc.fileName || "").toLowerCase().endsWith(".pdf") ? "PDF" : "📄");
      icon.href = doc.url;
      icon.target = "_blank";
      icon.rel = "noopener";
      icon.title = t("open");
      const info = el("div", "document-info");
      const name = el("a", "document-name", doc.fileName || "document");
      name.title = doc.fileName || "document"; // a long name is cut with an ellipsis, as Telegram does
      name.href = doc.url;
      name.target = "_blank";
      name.rel = "noopener";
      const meta = el("div", "document-meta");
      meta.appendChild(document.createTextNode(formatSize(doc.size) + " · "));
      const download = el("a", "document-download", t("download"));
      download.href = doc.url + "?download=true";
      download.setAttribute("download", doc.fileName || "");
      meta.appendChild(download);
      info.append(name, meta);
      card.append(icon, info);
      bubble.appendChild(card);
    }
    if (message.contactPhone) {
      const contact = el("div", "contact");
      contact.append(el("div", "contact-icon", "👤"), el("div", "contact-phone", message.contactPhone));
      bubble.appendChild(contact);
    }
    const text = message.text ?? message.caption;
    const entities = message.text !== null && message.text !== undefined ? message.entities : message.captionEntities;
    if (text) {
      const body = el("div", "text");
      body.appendChild(renderEntities(text, entities));
      bubble.appendChild(body);
    }
    const meta = el("span", "meta");
    if (message.editDate) meta.appendChild(el("span", "edited", "edited"));
    meta.appendChild(el("span", "time", time(message.date)));
    bubble.appendChild(meta);
    row.appendChild(bubble);

    if (message.inlineKeyboard && message.inlineKeyboard.length > 0) {
      const keyboard = el("div", "inline-keyboard");
      for (const buttons of message.inlineKeyboard) {
        const line = el("div", "inline-row");
        for (const button of buttons) line.appendChild(inlineButton(message, button));
        keyboard.appendChild(line);
      }
      row.appendChild(keyboard);
    }
    return row;
  }

  function inlineButton(message, button) {
    const node = el("button", "inline-button", button.text);
    node.type = "button";
    if (button.url) {
      node.classList.add("url-button");
      node.title = button.url;
      node.appendChild(el("span", "url-mark", "↗"));
      node.addEventListener("click", () => {
        const href = safeUrl(button.url);
        if (href) window.open(href, "_blank", "noopener");
      });
      return node;
    }
    node.dataset.callbackData = button.callbackData || "";
    node.addEventListener("click", async () => {
      node.classList.add("pending");
      try {
        await post("users/" + state.userId + "/callback", { messageId: message.id, data: button.callbackData });
      } catch (error) {
        toast(error.message);
      } finally {
        setTimeout(() => node.classList.remove("pending"), 400);
      }
    });
    return node;
  }

  function renderReplyKeyboard(keyboard) {
    const panel = $("reply-keyboard");
    const toggle = $("keyboard-toggle");
    panel.replaceChildren();
    toggle.hidden = !keyboard;
    $("input").placeholder = (keyboard && keyboard.placeholder) || t("message");
    if (!keyboard) {
      panel.hidden = true;
      return;
    }
    panel.hidden = state.keyboardHidden;
    toggle.classList.toggle("active", !state.keyboardHidden);
    for (const buttons of keyboard.rows) {
      const line = el("div", "reply-row");
      for (const button of buttons) {
        const node = el("button", "reply-button" + (button.requestContact ? " contact-button" : ""), button.text);
        node.type = "button";
        node.addEventListener("click", () => tapReplyButton(button));
        line.appendChild(node);
      }
      panel.appendChild(line);
    }
  }

  async function tapReplyButton(button) {
    try {
      if (button.requestContact) {
        const user = state.chat && state.chat.user;
        const ok = await showDialog(t("share_phone", { phone: user ? user.phone : "", bot: state.info ? state.info.botName : t("the_bot") }), true);
        if (!ok) return;
        await post("users/" + state.userId + "/contact");
      } else {
        await post("users/" + state.userId + "/reply-button", { text: button.text });
      }
    } catch (error) {
      toast(error.message);
    }
  }

  function renderCommands(commands) {
    const menu = $("command-menu");
    menu.replaceChildren();
    $("menu-button").hidden = !commands || commands.length === 0;
    for (const command of commands || []) {
      const item = el("button", "command-item");
      item.type = "button";
      item.setAttribute("role", "menuitem");
      item.append(el("span", "command-name", "/" + command.command), el("span", "command-description", command.description));
      item.addEventListener("click", () => {
        closeMenu();
        sendText("/" + command.command);
      });
      menu.appendChild(item);
    }
  }

  function closeMenu() {
    $("command-menu").hidden = true;
    $("menu-button").setAttribute("aria-expanded", "false");
  }

  function showNewAnswers(answers, isFirstRender) {
    for (const answer of answers) {
      if (state.seenAnswers.has(answer.id)) continue;
      state.seenAnswers.add(answer.id);
      if (isFirstRender) continue;
      if (answer.url) {
        const href = safeUrl(answer.url);
        if (href) window.open(href, "_blank", "noopener");
      }
      if (!answer.text) continue;
      if (answer.showAlert) showAlert(answer.text);
      else toast(answer.text);
    }
  }

  let toastTimer = null;
  function toast(text) {
    const node = $("toast");
    node.textContent = text;
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { node.hidden = true; }, 3500);
  }

  // The bot's alerts (answerCallbackQuery with show_alert) and the "share phone number?" question.
  let closeDialog = null;
  function showDialog(text, withCancel) {
    if (closeDialog) closeDialog(false);
    $("alert-title").textContent = state.info ? state.info.botName : "Bot";
    $("alert-text").textContent = text;
    $("alert-cancel").hidden = !withCancel;
    $("alert").hidden = false;
    $("alert-ok").focus();
    return new Promise((resolve) => {
      closeDialog = (answer) => {
        closeDialog = null;
        $("alert").hidden = true;
        resolve(answer);
      };
    });
  }

  function showAlert(text) {
    showDialog(text, false);
  }

  async function sendText(text) {
    if (!text.trim() || state.userId === null) return;
    try {
      await post("users/" + state.userId + "/messages", { text });
    } catch (error) {
      toast(error.message);
    }
  }

  // ---- refresh and live updates ------------------------------------------------------------------------------

  // One refresh at a time; a change that arrives meanwhile schedules exactly one more.
  async function refresh() {
    if (state.refreshing) {
      state.again = true;
      return state.refreshing;
    }
    state.refreshing = (async () => {
      do {
        state.again = false;
        try {
          state.users = await request("users");
          const userId = state.userId;
          if (userId !== null) {
            const summary = state.users.find((u) => u.id === userId);
            if (!state.chat || !summary || summary.version !== state.chat.user.version) {
              const chat = await request("users/" + userId + "/chat");
              if (userId === state.userId) {
                const first = state.chat === null;
                state.chat = chat;
                renderChat(chat, first);
              }
            }
            state.seenVersions.set(userId, state.chat ? state.chat.user.version : 0);
          }
          renderUsers();
          document.body.classList.remove("offline");
        } catch {
          document.body.classList.add("offline");
        }
      } while (state.again);
      state.refreshing = null;
    })();
    return state.refreshing;
  }

  function listen() {
    const events = new EventSource(api("events"));
    events.onmessage = () => refresh();
    events.onerror = () => document.body.classList.add("offline");
    events.onopen = () => refresh();
  }

  // ---- start -------------------------------------------------------------------------------------------------

  async function start() {
    translatePage();
    $("composer").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("input");
      const text = input.value;
      input.value = "";
      sendText(text);
      input.focus();
    });
    $("start-button").addEventListener("click", () => sendText("/start"));
    $("menu-button").addEventListener("click", () => {
      const menu = $("command-menu");
      menu.hidden = !menu.hidden;
      $("menu-button").setAttribute("aria-expanded", menu.hidden ? "false" : "true");
    });
    document.addEventListener("click", (event) => {
      if (!event.target.closest("#command-menu, #menu-button")) closeMenu();
    });
    $("keyboard-toggle").addEventListener("click", () => {
      state.keyboardHidden = !state.keyboardHidden;
      if (state.chat) renderReplyKeyboard(state.chat.replyKeyboard);
    });
    $("alert-ok").addEventListener("click", () => closeDialog && closeDialog(true));
    $("alert-cancel").addEventListener("click", () => closeDialog && closeDialog(false));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && closeDialog) closeDialog(false);
    });

    state.info = await request("info");
    $("bot-name").textContent = state.info.botName;
    $("bot-sub").textContent = "@" + state.info.botUsername + " · bot";
    document.title = state.info.botName + " · " + t("tab");
    state.users = await request("users");
    // What was said before the page opened is not news.
    for (const user of state.users) state.seenVersions.set(user.id, user.version);
    const wanted = Number(new URL(window.location.href).searchParams.get("user"));
    const first = state.users.find((u) => u.id === wanted) || state.users.find((u) => !u.isAdmin) || state.users[0];
    if (first) await selectUser(first.id);
    listen();
  }

  start();
})();
