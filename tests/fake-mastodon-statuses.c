/* fake-mastodon-statuses.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "fake-mastodon-private.h"

/* Statuses are not kept as JSON. Each real status in the corpus becomes a
 * template: serialized once, with markers where generated statuses differ,
 * and cut at the markers. A page is the templates' pieces with the values
 * between them, copied one after the other: 100,000 statuses cost nothing
 * to hold, and a page a microsecond or two per status to build. Ids are
 * computed from a status's number, so "the statuses" is just a count. */

#define BASE_TIME_MS      G_GINT64_CONSTANT (1767225600000)   /* 2026-01-01T00:00:00Z */
#define STEP_MS           7919                                /* between two statuses */
#define MARKER            "@@FAKE_"

typedef enum
{
  SLOT_ID, SLOT_URI, SLOT_URL, SLOT_CREATED, SLOT_TEXT,
  SLOT_REPLY_ID, SLOT_REPLY_ACCOUNT, SLOT_LIKES, SLOT_REPOSTS, SLOT_REPLIES,
  N_SLOTS
} Slot;

/* Markers in the JSON, and the members they replace. A raw slot's value
 * replaces the whole JSON string, quotes included (a number or null). */
static const struct
{
  const char *marker;
  const char *member;
  gboolean    raw;
} slots[N_SLOTS] = {
  { "ID@@", "id", FALSE },
  { "URI@@", "uri", FALSE },
  { "URL@@", "url", FALSE },
  { "CREATED@@", "created_at", FALSE },
  { "TEXT@@", NULL, FALSE },   /* appended to "content" */
  { "REPLY_ID@@", "in_reply_to_id", TRUE },
  { "REPLY_ACCOUNT@@", "in_reply_to_account_id", TRUE },
  { "LIKES@@", "favourites_count", TRUE },
  { "REPOSTS@@", "reblogs_count", TRUE },
  { "REPLIES@@", "replies_count", TRUE },
};

static const char * const words[16] = {
  "coffee", "launch", "thread", "review", "brand", "support", "update", "release",
  "question", "feedback", "bug", "thanks", "shipping", "pricing", "feature", "outage",
};

typedef struct
{
  GPtrArray *pieces;      /* char *, one more than the slots */
  GArray    *slots;       /* Slot, between the pieces */
  char      *username;
  char      *account;     /* the account's JSON, for notifications */
} Template;


struct _FakeStatuses
{
  char      *corpus_dir;
  char      *host;
  guint      reply_every;
  guint      mention_every;
  GPtrArray *templates;
};

/* Templates */

static void
template_free (Template *template)
{
  g_ptr_array_unref (template->pieces);
  g_array_unref (template->slots);
  g_free (template->username);
  g_free (template->account);
  g_free (template);
}

/* Cuts @json at its markers. */
static void
split_template (Template   *template,
                const char *json)
{
  const char *p = json;
  const char *marker;

  while ((marker = strstr (p, MARKER)) != NULL)
    {
      const char *name = marker + strlen (MARKER);
      Slot slot = 0;

      while (slot < N_SLOTS && !g_str_has_prefix (name, slots[slot].marker))
        slot++;
      g_assert (slot < N_SLOTS);

      g_ptr_array_add (template->pieces, g_strndup (p, marker - p - (slots[slot].raw ? 1 : 0)));
      g_array_append_val (template->slots, slot);
      p = name + strlen (slots[slot].marker) + (slots[slot].raw ? 1 : 0);
    }

  g_ptr_array_add (template->pieces, g_strdup (p));
}

/* A real status (or the status a boost wraps) becomes a template. */
static void
add_template (FakeStatuses *self,
              JsonNode     *node)
{
  JsonObject *status = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *content = NULL;
  g_autofree char *json = NULL;
  Template *template;
  const char *username;

  if (status != NULL && json_object_has_member (status, "reblog") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (status, "reblog")))
    {
      node = json_object_get_member (status, "reblog");
      status = json_node_get_object (node);
    }

  if (status == NULL || !json_object_has_member (status, "uri") || !json_object_has_member (status, "content") ||
      !json_object_has_member (status, "created_at") || !json_object_has_member (status, "account") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (status, "account")))
    return;

  username = json_object_get_string_member_with_default (json_object_get_object_member (status, "account"),
                                                         "username", NULL);
  template = g_new0 (Template, 1);
  template->pieces = g_ptr_array_new_with_free_func (g_free);
  template->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  template->username = g_strdup (username != NULL ? username : "someone");
  template->account = json_to_string (json_object_get_member (status, "account"), FALSE);

  content = g_strconcat (json_object_get_string_member_with_default (status, "content", ""),
                         "<p>" MARKER "TEXT@@</p>", NULL);
  json_object_set_string_member (status, "content", content);
  for (Slot slot = 0; slot < N_SLOTS; slot++)
    if (slots[slot].member != NULL)
      {
        g_autofree char *marker = g_strconcat (MARKER, slots[slot].marker, NULL);

        json_object_set_string_member (status, slots[slot].member, marker);
      }
  json_object_set_null_member (status, "edited_at");
  json_object_set_null_member (status, "reblog");

  json = json_to_string (node, FALSE);
  split_template (template, json);
  g_ptr_array_add (self->templates, template);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
load_templates (FakeStatuses *self)
{
  g_autofree char *dir_path = g_build_filename (self->corpus_dir, "mastodon", "real", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;

  if (dir == NULL)
    g_error ("fake-mastodon: %s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_file (parser, path, &error))
        g_error ("fake-mastodon: %s: %s", path, error->message);

      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_ARRAY (root))
        add_template (self, root);
      else
        for (guint k = 0; k < json_array_get_length (json_node_get_array (root)); k++)
          add_template (self, json_array_get_element (json_node_get_array (root), k));
    }

  if (self->templates->len == 0)
    g_error ("fake-mastodon: no status in %s", dir_path);
}

/* Statuses and mentions */

static gint64
status_time_ms (guint index)
{
  return BASE_TIME_MS + (gint64) index * STEP_MS;
}

/* Mastodon's snowflakes: milliseconds, then 16 bits of sequence. */
guint64
fake_status_id (guint index)
{
  return ((guint64) status_time_ms (index) << 16) | (index & 0xffff);
}

static void
format_time (gint64  ms,
             char    out[128])
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  g_snprintf (out, 128, "%s.%03dZ", text, (int) (ms % 1000));
}

/* What status @index puts in each slot. */
static void
format_values (FakeStatuses *self,
               Template     *template,
               guint         index,
               char          values[N_SLOTS][128])
{
  gboolean reply = self->reply_every > 0 && index > 0 && index % self->reply_every == 0;
  guint64 id = fake_status_id (index);

  g_snprintf (values[SLOT_ID], 128, "%" G_GUINT64_FORMAT, id);
  g_snprintf (values[SLOT_URI], 128, "https://%s/users/%s/statuses/%" G_GUINT64_FORMAT,
              self->host, template->username, id);
  g_snprintf (values[SLOT_URL], 128, "https://%s/@%s/%" G_GUINT64_FORMAT,
              self->host, template->username, id);
  format_time (status_time_ms (index), values[SLOT_CREATED]);
  g_snprintf (values[SLOT_TEXT], 128, "Fake status %u: %s %s %s", index, words[index % 16],
              words[(index / 16) % 16], words[(index * 7 + 3) % 16]);
  if (reply)
    g_snprintf (values[SLOT_REPLY_ID], 128, "\"%" G_GUINT64_FORMAT "\"", fake_status_id (index - 1));
  else
    strcpy (values[SLOT_REPLY_ID], "null");
  strcpy (values[SLOT_REPLY_ACCOUNT], reply ? "\"1\"" : "null");
  g_snprintf (values[SLOT_LIKES], 128, "%u", (index * 7) % 13);
  g_snprintf (values[SLOT_REPOSTS], 128, "%u", index % 5);
  g_snprintf (values[SLOT_REPLIES], 128, "%u", index % 3);
}

void
fake_statuses_append_status (FakeStatuses *self,
               GString      *out,
               guint         index)
{
  Template *template = g_ptr_array_index (self->templates, index % self->templates->len);
  char values[N_SLOTS][128];

  format_values (self, template, index, values);
  for (guint i = 0; i < template->slots->len; i++)
    {
      g_string_append (out, g_ptr_array_index (template->pieces, i));
      g_string_append (out, values[g_array_index (template->slots, Slot, i)]);
    }
  g_string_append (out, g_ptr_array_index (template->pieces, template->slots->len));
}

/* The nth mention notification wraps status n × mention_every. */
void
fake_statuses_append_mention (FakeStatuses *self,
                              GString      *out,
                              guint         n)
{
  guint index = n * self->mention_every;
  Template *template = g_ptr_array_index (self->templates, index % self->templates->len);
  char created[128];

  format_time (status_time_ms (index), created);
  g_string_append_printf (out, "{\"id\":\"%" G_GUINT64_FORMAT "\",\"type\":\"mention\",\"created_at\":\"%s\","
                          "\"group_key\":\"ungrouped-%" G_GUINT64_FORMAT "\",\"account\":%s,\"status\":",
                          FIRST_MENTION_ID + n, created, FIRST_MENTION_ID + n, template->account);
  fake_statuses_append_status (self, out, index);
  g_string_append_c (out, '}');
}

FakeStatuses *
fake_statuses_new (const char *corpus_dir,
                   const char *host,
                   guint       reply_every,
                   guint       mention_every)
{
  FakeStatuses *self = g_new0 (FakeStatuses, 1);

  self->corpus_dir = g_strdup (corpus_dir);
  self->host = g_strdup (host);
  self->reply_every = reply_every;
  self->mention_every = mention_every;
  self->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) template_free);
  load_templates (self);

  return self;
}

void
fake_statuses_free (FakeStatuses *self)
{
  g_ptr_array_unref (self->templates);
  g_free (self->corpus_dir);
  g_free (self->host);
  g_free (self);
}
