/* chorus-sample-posts.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chorus-sample-private.h"
#include "chorus-store-private.h"

/* What posts look like on each network (uri, url, remote id, how an
 * account is mentioned), and the single posts that pre-tests and challenges
 * need: a poll, a variant, an entry with its image. Those are written
 * before the inbox's stream, with tie-breakers from a range the stream never
 * uses, so their time-ordered keys cannot collide with it. */

#define DISCOURSE_TOPIC_BASE 4000

const char *
_chorus_sample_network_key (ChorusSampleNetwork network)
{
  static const char * const keys[SAMPLE_N_NETWORKS] = { "mastodon", "bluesky", "discourse", "feed" };

  return network < SAMPLE_N_NETWORKS ? keys[network] : "feed";
}

/* How a post on @network names the brand. */
const char *
_chorus_sample_brand_mention (ChorusSampleNetwork network)
{
  static const char * const mentions[SAMPLE_N_NETWORKS] = {
    "@tallpine@social.example", "@tallpine.bsky.example", "@tallpine_team", "Tallpine",
  };

  return network < SAMPLE_N_NETWORKS ? mentions[network] : "Tallpine";
}

void
_chorus_sample_append_handle (GString                    *out,
                              const ChorusSampleIdentity *identity)
{
  if (identity->network == SAMPLE_MASTODON)
    g_string_append_printf (out, "@%s@%s", identity->handle, identity->server);
  else
    g_string_append_printf (out, "@%s", identity->handle);
}

static void
append_base32 (GString *out,
               guint64  value,
               guint    n_chars)
{
  static const char alphabet[] = "234567abcdefghijklmnopqrstuvwxyz";

  for (int shift = (int) (n_chars - 1) * 5; shift >= 0; shift -= 5)
    g_string_append_c (out, alphabet[(value >> shift) & 31]);
}

static void
append_did (GString                    *out,
            const ChorusSampleIdentity *identity)
{
  g_string_append (out, "did:plc:");
  append_base32 (out, _chorus_sample_mix (identity->id, 0xb1e5), 12);
  append_base32 (out, _chorus_sample_mix (identity->id, 0x5ca1e), 12);
}

void
_chorus_sample_address_init (ChorusSampleAddress *address)
{
  address->uri = g_string_new (NULL);
  address->url = g_string_new (NULL);
  address->remote_id = g_string_new (NULL);
}

void
_chorus_sample_address_clear (ChorusSampleAddress *address)
{
  g_string_free (address->uri, TRUE);
  g_string_free (address->url, TRUE);
  g_string_free (address->remote_id, TRUE);
}

/**
 * _chorus_sample_address_build:
 * @address: receives the uri, url and remote id
 * @network: the post's network
 * @author: the post's author
 * @serial: a number no other post of the sample has
 * @time: the post's time
 * @conversation_id: the forum topic or blog entry the post belongs to
 * @slug: the topic's or entry's slug, for forums and feeds
 * @number: the post's position in its topic, from 1
 *
 * Shapes a post's addresses the way its network does.
 */
void
_chorus_sample_address_build (ChorusSampleAddress        *address,
                              ChorusSampleNetwork         network,
                              const ChorusSampleIdentity *author,
                              guint64                     serial,
                              gint64                      time,
                              gint64                      conversation_id,
                              const char                 *slug,
                              guint                       number)
{
  g_string_truncate (address->uri, 0);
  g_string_truncate (address->url, 0);
  g_string_truncate (address->remote_id, 0);

  if (network == SAMPLE_MASTODON)
    {
      /* A snowflake: milliseconds and a sequence, unique below 65M posts. */
      guint64 ms = (guint64) time * 1000 + (serial >> 16) % 1000;

      g_string_printf (address->remote_id, "%" G_GUINT64_FORMAT, (ms << 16) | (serial & 0xffff));
      g_string_printf (address->uri, "https://%s/users/%s/statuses/%s", author->server, author->handle,
                       address->remote_id->str);
      g_string_printf (address->url, "https://%s/@%s/%s", author->server, author->handle,
                       address->remote_id->str);
    }
  else if (network == SAMPLE_BLUESKY)
    {
      /* A TID: microseconds and a clock id. */
      guint64 tid = (((guint64) time * 1000000 + serial % 1000000) << 10) | ((serial >> 20) & 0x3ff);

      append_base32 (address->remote_id, tid, 13);
      g_string_append (address->uri, "at://");
      append_did (address->uri, author);
      g_string_append_printf (address->uri, "/app.bsky.feed.post/%s", address->remote_id->str);
      g_string_printf (address->url, "https://bsky.example/profile/%s/post/%s", author->handle,
                       address->remote_id->str);
    }
  else if (network == SAMPLE_DISCOURSE)
    {
      /* Forum post ids: the single posts were written first, so they get the lower ones. */
      g_string_printf (address->remote_id, "%" G_GUINT64_FORMAT,
                       serial >= SAMPLE_SINGLE_SERIAL_BASE ? 48000 + serial - SAMPLE_SINGLE_SERIAL_BASE
                                                           : 50000 + serial);
      g_string_printf (address->uri, "https://%s/t/%s/%" G_GINT64_FORMAT "/%u", author->server, slug,
                       DISCOURSE_TOPIC_BASE + conversation_id, number);
      g_string_assign (address->url, address->uri->str);
    }
  else
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time);

      g_string_printf (address->uri, "https://%s/%04d/%02d/%s-%" G_GINT64_FORMAT "/", author->server,
                       g_date_time_get_year (date), g_date_time_get_month (date), slug,
                       conversation_id);
      g_string_assign (address->url, address->uri->str);
      g_string_assign (address->remote_id, address->uri->str);
    }
}

const ChorusSampleIdentity *
_chorus_sample_pick_identity (ChorusSample        *self,
                              ChorusSampleRng     *rng,
                              ChorusSampleNetwork  network,
                              double               skew)
{
  GArray *pool = self->identities[network];
  double u = _chorus_sample_rng_double (rng);
  guint index = (guint) (pool->len * pow (u, skew));

  g_assert (pool->len > 0);

  return &g_array_index (pool, ChorusSampleIdentity, MIN (index, pool->len - 1));
}

/**
 * _chorus_sample_write_single:
 * @self: the run
 * @post: the post
 * @uri: (out) (optional): the post's uri
 * @conversation_id: (out) (optional): the conversation it is in
 *
 * Writes a post that starts and ends its own conversation, or, when
 * @post names a conversation, a reply in it.
 *
 * Returns: the post's id
 */
gint64
_chorus_sample_write_single (ChorusSample                 *self,
                             const ChorusSampleSinglePost *post,
                             char                        **uri,
                             gint64                       *conversation_id)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autoptr(GString) html = g_string_new (NULL);
  ChorusSampleAddress address;
  gboolean reply = post->conversation_id > 0;
  gint64 conversation = reply ? post->conversation_id : self->next_conversation_id++;
  guint n = self->next_single_post++;
  gint64 key = (post->created_at << CHORUS_POST_KEY_SHIFT) | (SAMPLE_SINGLE_TIE_BASE + n);

  g_return_val_if_fail (n < SAMPLE_SINGLE_TIE_COUNT, 0);

  _chorus_sample_text_slug (slug, post->subject ? post->subject : post->text);
  _chorus_sample_address_init (&address);
  _chorus_sample_address_build (&address, post->network, post->author, SAMPLE_SINGLE_SERIAL_BASE + n,
                                post->created_at, conversation, slug->str, 1);
  if (post->network != SAMPLE_BLUESKY)
    _chorus_sample_text_html (html, post->text, post->network);

  if (!reply)
    SAMPLE_ROW (self->writer, CHORUS_SAMPLE_CONVERSATION,
              SAMPLE_INT (conversation), SAMPLE_INT (post->author->source_id),
              SAMPLE_TEXT (_chorus_sample_network_key (post->network)),
              SAMPLE_TEXT (address.uri->str),
              SAMPLE_TEXT (post->network == SAMPLE_DISCOURSE ? post->subject : NULL),
              SAMPLE_INT (post->created_at), SAMPLE_INT (MAX (post->created_at, post->last_reply_at)),
              SAMPLE_INT (1 + post->thread_replies), SAMPLE_INT (post->status_id), SAMPLE_NULL, SAMPLE_INT (0),
              SAMPLE_INT (post->is_own ? 0 : 1), SAMPLE_NULL,
              SAMPLE_INT (strchr (post->text, '?') != NULL), SAMPLE_INT (0),
              SAMPLE_TEXT (post->spanish ? "es" : "en"));
  SAMPLE_ROW (self->writer, CHORUS_SAMPLE_POST,
              SAMPLE_INT (key), SAMPLE_INT (post->author->source_id), SAMPLE_INT (conversation),
              SAMPLE_TEXT (address.remote_id->str), SAMPLE_TEXT (address.uri->str),
              SAMPLE_TEXT (address.url->str), SAMPLE_INT (post->author->id),
              SAMPLE_INT (post->created_at), SAMPLE_NULL, SAMPLE_TEXT (post->spanish ? "es" : "en"),
              SAMPLE_TEXT (post->text), SAMPLE_TEXT (html->len > 0 ? html->str : NULL),
              SAMPLE_TEXT (post->reply_to_uri),
              SAMPLE_INT (post->is_own), SAMPLE_INT (post->likes), SAMPLE_INT (post->reposts),
              SAMPLE_INT (post->replies), SAMPLE_INT (MIN (self->anchor, post->created_at + 120)));

  self->posts_written++;

  if (uri != NULL)
    *uri = g_strdup (address.uri->str);
  if (conversation_id != NULL)
    *conversation_id = conversation;
  _chorus_sample_address_clear (&address);

  return key;
}
