/* chorus-sentiment-lexicon-symbols.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-sentiment-private.h"

/* Emoji and ASCII emoticons with a weight from -4 to 4, read the same in
 * every language. Emoji are single code points: the tokenizer drops
 * variation selectors and skin tones, so "❤️" and "👍🏽" find "❤" and "👍".
 * Faces that mean opposite things in different communities (😂, 😭, 🙃)
 * carry small weights. Emoticons come before every emoji (the tokenizer
 * stops looking for them at the first emoji), and longer ones before the
 * shorter ones they start with, since the first that matches is taken. */

const ChorusSentimentWord _chorus_sentiment_symbols[] = {
  /* Emoticons */
  { ":-)", 1.8 }, { ":-D", 2.2 }, { ":-(", -1.8 }, { ":'(", -2.0 }, { ":-/", -1.0 },
  { ";-)", 1.4 }, { ":-P", 1.2 }, { ":-p", 1.2 }, { ">:(", -2.4 }, { "</3", -2.4 },
  { ":)", 1.8 }, { ":D", 2.2 }, { ":(", -1.8 }, { ":/", -1.0 }, { ";)", 1.4 }, { ":P", 1.2 },
  { ":p", 1.2 }, { "=)", 1.8 }, { "=(", -1.8 }, { ":]", 1.6 }, { "(:", 1.6 }, { "<3", 2.4 },
  { ":|", -0.6 }, { ":@", -2.2 },

  /* Faces */
  { "😍", 3.0 }, { "🥰", 3.0 }, { "😘", 2.4 }, { "😊", 2.2 }, { "🙂", 1.4 }, { "😀", 2.0 },
  { "😃", 2.0 }, { "😄", 2.2 }, { "😁", 2.0 }, { "😆", 1.8 }, { "😂", 1.2 }, { "🤣", 1.4 },
  { "😅", 0.4 }, { "😉", 1.4 }, { "😋", 2.2 }, { "😎", 1.8 }, { "🤩", 3.0 }, { "🥳", 2.6 },
  { "😇", 1.8 }, { "🤗", 2.2 }, { "☺", 2.0 }, { "😌", 1.4 }, { "🤤", 2.0 }, { "😻", 2.8 },
  { "😡", -3.0 }, { "😠", -2.6 }, { "🤬", -3.2 }, { "😤", -2.0 }, { "😢", -2.2 }, { "😭", -1.6 },
  { "😞", -2.2 }, { "😔", -1.8 }, { "😒", -1.8 }, { "🙄", -1.8 }, { "😩", -2.2 }, { "😫", -2.2 },
  { "😣", -1.8 }, { "😖", -2.0 }, { "😕", -1.5 }, { "🙁", -1.8 }, { "☹", -2.0 }, { "😟", -1.6 },
  { "😥", -1.6 }, { "😰", -1.8 }, { "😱", -1.6 }, { "🤮", -3.0 }, { "🤢", -2.6 }, { "😑", -0.8 },
  { "😐", -0.4 }, { "🤦", -1.8 }, { "😬", -1.0 }, { "💀", -0.4 }, { "😿", -2.0 }, { "🥲", 0.4 },

  /* Hands, hearts and signs */
  { "👍", 2.0 }, { "👎", -2.2 }, { "👏", 2.2 }, { "🙌", 2.2 }, { "👌", 1.6 }, { "💪", 1.6 },
  { "🙏", 1.2 }, { "🤝", 1.4 }, { "✌", 1.2 }, { "🤘", 1.8 }, { "🖕", -3.0 },
  { "❤", 2.8 }, { "♥", 2.6 }, { "💕", 2.6 }, { "💖", 2.8 }, { "💗", 2.6 }, { "💓", 2.6 },
  { "💞", 2.6 }, { "💘", 2.4 }, { "💝", 2.4 }, { "💙", 2.4 }, { "💚", 2.4 }, { "💛", 2.4 },
  { "💜", 2.4 }, { "🧡", 2.4 }, { "🤍", 2.2 }, { "🖤", 1.6 }, { "💔", -2.6 }, { "💯", 2.2 },
  { "🔥", 1.6 }, { "🎉", 2.2 }, { "🥂", 1.8 }, { "✨", 1.2 }, { "⭐", 1.4 }, { "🌟", 1.8 },
  { "🏆", 2.0 }, { "🥇", 2.0 }, { "💩", -2.4 }, { "🤡", -1.8 }, { "🚮", -2.0 }, { "⚠", -0.8 },
};

const guint _chorus_sentiment_n_symbols = G_N_ELEMENTS (_chorus_sentiment_symbols);
